package ai.askel.confluence.adapter.persistence;

import org.junit.jupiter.api.Nested;

class RunbookRepositoryAdapterTest {
    @Nested
    class OnH2InMemory extends RunbookRepositoryContract {
        @Override
        TestDatabase database() {
            return TestDatabase.H2_IN_MEMORY;
        }
    }

    @Nested
    class OnH2File extends RunbookRepositoryContract {
        @Override
        TestDatabase database() {
            return TestDatabase.H2_FILE;
        }
    }

    @Nested
    class OnPostgreSql extends RunbookRepositoryContract {
        @Override
        TestDatabase database() {
            return TestDatabase.POSTGRESQL;
        }
    }
}
