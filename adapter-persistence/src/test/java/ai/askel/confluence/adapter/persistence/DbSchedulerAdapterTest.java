package ai.askel.confluence.adapter.persistence;

import org.junit.jupiter.api.Nested;

class DbSchedulerAdapterTest {
    @Nested
    class OnH2File extends ClusterSchedulerContract {
        @Override
        TestDatabase database() {
            return TestDatabase.H2_FILE;
        }
    }

    @Nested
    class OnPostgreSql extends ClusterSchedulerContract {
        @Override
        TestDatabase database() {
            return TestDatabase.POSTGRESQL;
        }
    }
}
