package ai.askel.confluence.adapter.persistence;

import org.junit.jupiter.api.Nested;

class DriftScanStatusAdapterTest {
    @Nested
    class OnH2InMemory extends DriftScanStatusContract {
        @Override
        TestDatabase database() {
            return TestDatabase.H2_IN_MEMORY;
        }
    }

    @Nested
    class OnH2File extends DriftScanStatusContract {
        @Override
        TestDatabase database() {
            return TestDatabase.H2_FILE;
        }
    }

    @Nested
    class OnPostgreSql extends DriftScanStatusContract {
        @Override
        TestDatabase database() {
            return TestDatabase.POSTGRESQL;
        }
    }
}
