package ai.askel.confluence.adapter.persistence;

import org.junit.jupiter.api.Nested;

class ManagedPageRepositoryAdapterTest {
    @Nested
    class OnH2InMemory extends ManagedPageRepositoryContract {
        @Override
        TestDatabase database() {
            return TestDatabase.H2_IN_MEMORY;
        }
    }

    @Nested
    class OnH2File extends ManagedPageRepositoryContract {
        @Override
        TestDatabase database() {
            return TestDatabase.H2_FILE;
        }
    }

    @Nested
    class OnPostgreSql extends ManagedPageRepositoryContract {
        @Override
        TestDatabase database() {
            return TestDatabase.POSTGRESQL;
        }
    }
}
