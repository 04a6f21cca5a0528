package ai.askel.confluence.adapter.persistence;

import org.junit.jupiter.api.Nested;

class WorkspaceRepositoryAdapterTest {
    @Nested
    class OnH2InMemory extends WorkspaceRepositoryContract {
        OnH2InMemory() {
            super(new OnDatabase(TestDatabase.H2_IN_MEMORY));
        }
    }

    @Nested
    class OnH2File extends WorkspaceRepositoryContract {
        OnH2File() {
            super(new OnDatabase(TestDatabase.H2_FILE));
        }
    }

    @Nested
    class OnPostgreSql extends WorkspaceRepositoryContract {
        OnPostgreSql() {
            super(new OnDatabase(TestDatabase.POSTGRESQL));
        }
    }
}
