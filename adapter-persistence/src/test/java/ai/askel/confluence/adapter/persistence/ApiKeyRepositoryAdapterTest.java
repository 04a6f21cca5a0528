package ai.askel.confluence.adapter.persistence;

import org.junit.jupiter.api.Nested;

class ApiKeyRepositoryAdapterTest {
    @Nested
    class OnH2InMemory extends ApiKeyRepositoryContract {
        @Override
        TestDatabase database() {
            return TestDatabase.H2_IN_MEMORY;
        }
    }

    @Nested
    class OnH2File extends ApiKeyRepositoryContract {
        @Override
        TestDatabase database() {
            return TestDatabase.H2_FILE;
        }
    }

    @Nested
    class OnPostgreSql extends ApiKeyRepositoryContract {
        @Override
        TestDatabase database() {
            return TestDatabase.POSTGRESQL;
        }
    }
}
