package ai.askel.confluence.adapter.persistence;

import org.junit.jupiter.api.Nested;

class DriftFindingRepositoryAdapterTest {
    @Nested
    class OnH2InMemory extends DriftFindingRepositoryContract {
        @Override
        TestDatabase database() {
            return TestDatabase.H2_IN_MEMORY;
        }
    }

    @Nested
    class OnH2File extends DriftFindingRepositoryContract {
        @Override
        TestDatabase database() {
            return TestDatabase.H2_FILE;
        }
    }

    @Nested
    class OnPostgreSql extends DriftFindingRepositoryContract {
        @Override
        TestDatabase database() {
            return TestDatabase.POSTGRESQL;
        }
    }
}
