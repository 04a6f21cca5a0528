package ai.askel.confluence.adapter.persistence;

import org.junit.jupiter.api.Nested;

class ApiKeyRepositoryAdapterTest {
    @Nested
    class OnH2InMemory extends ApiKeyRepositoryContract {
        OnH2InMemory() {
            super(new OnDatabase(TestDatabase.H2_IN_MEMORY));
        }
    }

    @Nested
    class OnH2File extends ApiKeyRepositoryContract {
        OnH2File() {
            super(new OnDatabase(TestDatabase.H2_FILE));
        }
    }

    @Nested
    class OnPostgreSql extends ApiKeyRepositoryContract {
        OnPostgreSql() {
            super(new OnDatabase(TestDatabase.POSTGRESQL));
        }
    }
}
