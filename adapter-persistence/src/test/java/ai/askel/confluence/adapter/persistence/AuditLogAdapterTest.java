package ai.askel.confluence.adapter.persistence;

import org.junit.jupiter.api.Nested;

class AuditLogAdapterTest {
    @Nested
    class OnH2InMemory extends AuditLogContract {
        OnH2InMemory() {
            super(new OnDatabase(TestDatabase.H2_IN_MEMORY));
        }
    }

    @Nested
    class OnH2File extends AuditLogContract {
        OnH2File() {
            super(new OnDatabase(TestDatabase.H2_FILE));
        }
    }

    @Nested
    class OnPostgreSql extends AuditLogContract {
        OnPostgreSql() {
            super(new OnDatabase(TestDatabase.POSTGRESQL));
        }
    }
}
