package ai.askel.confluence.adapter.persistence;

import org.junit.jupiter.api.Nested;

class DriftFindingRepositoryAdapterTest {
    @Nested
    class OnH2InMemory extends DriftFindingRepositoryContract {
        OnH2InMemory() {
            super(new OnDatabase(TestDatabase.H2_IN_MEMORY));
        }
    }

    @Nested
    class OnH2File extends DriftFindingRepositoryContract {
        OnH2File() {
            super(new OnDatabase(TestDatabase.H2_FILE));
        }
    }

    @Nested
    class OnPostgreSql extends DriftFindingRepositoryContract {
        OnPostgreSql() {
            super(new OnDatabase(TestDatabase.POSTGRESQL));
        }
    }
}
