package ai.askel.confluence.adapter.persistence;

import org.junit.jupiter.api.Nested;

class AuditLogAdapterTest {
    @Nested
    class OnH2InMemory extends AuditLogContract {
        @Override
        TestDatabase database() {
            return TestDatabase.H2_IN_MEMORY;
        }
    }

    @Nested
    class OnH2File extends AuditLogContract {
        @Override
        TestDatabase database() {
            return TestDatabase.H2_FILE;
        }
    }

    @Nested
    class OnPostgreSql extends AuditLogContract {
        @Override
        TestDatabase database() {
            return TestDatabase.POSTGRESQL;
        }
    }
}
