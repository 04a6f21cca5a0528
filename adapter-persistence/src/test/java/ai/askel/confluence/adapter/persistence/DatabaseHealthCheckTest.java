package ai.askel.confluence.adapter.persistence;

import org.junit.jupiter.api.Nested;

class DatabaseHealthCheckTest {
    @Nested
    class OnH2InMemory extends DatabaseHealthCheckContract {
        @Override
        TestDatabase database() {
            return TestDatabase.H2_IN_MEMORY;
        }
    }

    @Nested
    class OnH2File extends DatabaseHealthCheckContract {
        @Override
        TestDatabase database() {
            return TestDatabase.H2_FILE;
        }
    }

    @Nested
    class OnPostgreSql extends DatabaseHealthCheckContract {
        @Override
        TestDatabase database() {
            return TestDatabase.POSTGRESQL;
        }
    }
}
