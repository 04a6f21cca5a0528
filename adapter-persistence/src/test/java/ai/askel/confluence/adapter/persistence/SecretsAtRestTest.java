package ai.askel.confluence.adapter.persistence;

import org.junit.jupiter.api.Nested;

class SecretsAtRestTest {
    @Nested
    class OnH2InMemory extends SecretsAtRestContract {
        @Override
        TestDatabase database() {
            return TestDatabase.H2_IN_MEMORY;
        }
    }

    @Nested
    class OnH2File extends SecretsAtRestContract {
        @Override
        TestDatabase database() {
            return TestDatabase.H2_FILE;
        }
    }

    @Nested
    class OnPostgreSql extends SecretsAtRestContract {
        @Override
        TestDatabase database() {
            return TestDatabase.POSTGRESQL;
        }
    }
}
