package ai.askel.confluence.adapter.persistence;

import org.junit.jupiter.api.Nested;

class IdempotencyRepositoryAdapterTest {
    @Nested
    class OnH2InMemory extends IdempotencyRepositoryContract {
        OnH2InMemory() {
            super(new OnDatabase(TestDatabase.H2_IN_MEMORY));
        }
    }

    @Nested
    class OnH2File extends IdempotencyRepositoryContract {
        OnH2File() {
            super(new OnDatabase(TestDatabase.H2_FILE));
        }
    }

    @Nested
    class OnPostgreSql extends IdempotencyRepositoryContract {
        OnPostgreSql() {
            super(new OnDatabase(TestDatabase.POSTGRESQL));
        }
    }
}
