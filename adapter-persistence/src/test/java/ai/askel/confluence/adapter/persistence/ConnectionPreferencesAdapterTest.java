package ai.askel.confluence.adapter.persistence;

import org.junit.jupiter.api.Nested;

class ConnectionPreferencesAdapterTest {
    @Nested
    class OnH2InMemory extends ConnectionPreferencesContract {
        @Override
        TestDatabase database() {
            return TestDatabase.H2_IN_MEMORY;
        }
    }

    @Nested
    class OnH2File extends ConnectionPreferencesContract {
        @Override
        TestDatabase database() {
            return TestDatabase.H2_FILE;
        }
    }

    @Nested
    class OnPostgreSql extends ConnectionPreferencesContract {
        @Override
        TestDatabase database() {
            return TestDatabase.POSTGRESQL;
        }
    }
}
