package ai.askel.confluence.adapter.persistence;

import org.junit.jupiter.api.Nested;

class JobRepositoryAdapterTest {
    @Nested
    class OnH2File extends JobRepositoryContract {
        @Override
        TestDatabase database() {
            return TestDatabase.H2_FILE;
        }
    }

    @Nested
    class OnPostgreSql extends JobRepositoryContract {
        @Override
        TestDatabase database() {
            return TestDatabase.POSTGRESQL;
        }
    }
}
