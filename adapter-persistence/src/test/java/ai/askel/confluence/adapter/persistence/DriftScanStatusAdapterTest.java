package ai.askel.confluence.adapter.persistence;

import org.junit.jupiter.api.Nested;

class DriftScanStatusAdapterTest {
    @Nested
    class OnH2InMemory extends DriftScanStatusContract {
        OnH2InMemory() {
            super(new OnDatabase(TestDatabase.H2_IN_MEMORY));
        }
    }

    @Nested
    class OnH2File extends DriftScanStatusContract {
        OnH2File() {
            super(new OnDatabase(TestDatabase.H2_FILE));
        }
    }

    @Nested
    class OnPostgreSql extends DriftScanStatusContract {
        OnPostgreSql() {
            super(new OnDatabase(TestDatabase.POSTGRESQL));
        }
    }
}
