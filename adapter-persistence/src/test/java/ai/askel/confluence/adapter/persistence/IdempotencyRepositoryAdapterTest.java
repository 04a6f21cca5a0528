package ai.askel.confluence.adapter.persistence;

import org.junit.jupiter.api.Nested;

class IdempotencyRepositoryAdapterTest {
    @Nested
    class OnH2InMemory extends IdempotencyRepositoryContract {
        @Override
        TestDatabase database() {
            return TestDatabase.H2_IN_MEMORY;
        }
    }

    @Nested
    class OnH2File extends IdempotencyRepositoryContract {
        @Override
        TestDatabase database() {
            return TestDatabase.H2_FILE;
        }
    }

    @Nested
    class OnPostgreSql extends IdempotencyRepositoryContract {
        @Override
        TestDatabase database() {
            return TestDatabase.POSTGRESQL;
        }
    }
}
