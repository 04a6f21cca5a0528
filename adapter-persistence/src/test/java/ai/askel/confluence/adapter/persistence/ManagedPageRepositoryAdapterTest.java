package ai.askel.confluence.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.WorkspaceId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The managed-page repository on every database: the port's contract, and the unique key behind it. */
class ManagedPageRepositoryAdapterTest {
    @Nested
    class OnH2InMemory extends ThisAdapter {
        OnH2InMemory() {
            super(TestDatabase.H2_IN_MEMORY);
        }
    }

    @Nested
    class OnH2File extends ThisAdapter {
        OnH2File() {
            super(TestDatabase.H2_FILE);
        }
    }

    @Nested
    class OnPostgreSql extends ThisAdapter {
        OnPostgreSql() {
            super(TestDatabase.POSTGRESQL);
        }
    }

    /** The port's contract and what this adapter adds to it. */
    abstract static class ThisAdapter extends ManagedPageRepositoryContract {
        private final OnDatabase database;

        ThisAdapter(TestDatabase kind) {
            this(new OnDatabase(kind));
        }

        private ThisAdapter(OnDatabase database) {
            super(database);
            this.database = database;
        }

        @Test
        public void the_database_itself_refuses_a_second_record_of_one_page() {
            PageId id = Fixtures.pageId();
            Connection connection = Fixtures.connection(WorkspaceId.random());
            ports.connections().save(connection);
            ports.managedPages().save(Fixtures.managedPage(connection.id(), id, "Payments API"));

            assertThatThrownBy(() -> database.fixture().raw().useHandle(h -> h.createUpdate("INSERT INTO managed_page (connection_id,"
                    + " page_id, space_key, title, role, version, content_hash, labels_json, updated_at) SELECT connection_id, page_id, space_key,"
                    + " 'Duplicate', role, version, content_hash, labels_json, updated_at FROM managed_page WHERE page_id = :page")
                    .bind("page", id.value()).execute()))
                    .satisfies(e -> assertThat(SqlErrors.isUniqueViolation(e)).isTrue());
        }
    }
}
