package ai.askel.confluence.adapter.persistence;

import org.junit.jupiter.api.Nested;

class SchemaMigrationTest {
    @Nested
    class OnH2InMemory extends SchemaMigrationContract {
        @Override
        TestDatabase database() {
            return TestDatabase.H2_IN_MEMORY;
        }
    }

    @Nested
    class OnH2File extends SchemaMigrationContract {
        @Override
        TestDatabase database() {
            return TestDatabase.H2_FILE;
        }
    }

    @Nested
    class OnPostgreSql extends SchemaMigrationContract {
        @Override
        TestDatabase database() {
            return TestDatabase.POSTGRESQL;
        }
    }
}
