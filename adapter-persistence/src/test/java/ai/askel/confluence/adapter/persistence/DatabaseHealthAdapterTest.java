package ai.askel.confluence.adapter.persistence;

import org.junit.jupiter.api.Nested;

class DatabaseHealthAdapterTest {
    @Nested
    class OnH2InMemory extends DatabaseHealthAdapterContract {
        @Override
        TestDatabase database() {
            return TestDatabase.H2_IN_MEMORY;
        }
    }

    @Nested
    class OnH2File extends DatabaseHealthAdapterContract {
        @Override
        TestDatabase database() {
            return TestDatabase.H2_FILE;
        }
    }

    @Nested
    class OnPostgreSql extends DatabaseHealthAdapterContract {
        @Override
        TestDatabase database() {
            return TestDatabase.POSTGRESQL;
        }
    }
}
