package ai.askel.confluence.adapter.persistence;

import org.junit.jupiter.api.Nested;

class ConnectionRepositoryAdapterTest {
    @Nested
    class OnH2InMemory extends ConnectionRepositoryContract {
        @Override
        TestDatabase database() {
            return TestDatabase.H2_IN_MEMORY;
        }
    }

    @Nested
    class OnH2File extends ConnectionRepositoryContract {
        @Override
        TestDatabase database() {
            return TestDatabase.H2_FILE;
        }
    }

    @Nested
    class OnPostgreSql extends ConnectionRepositoryContract {
        @Override
        TestDatabase database() {
            return TestDatabase.POSTGRESQL;
        }
    }
}
