package ai.askel.confluence.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.Runbook;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.ConflictException;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.ports.out.RunbookRepositoryPort;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The runbook repository on every database: the port's contract, two instances on one database, damaged rows. */
class RunbookRepositoryAdapterTest {
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
    abstract static class ThisAdapter extends RunbookRepositoryContract {
        private final OnDatabase database;

        ThisAdapter(TestDatabase kind) {
            this(new OnDatabase(kind));
        }

        private ThisAdapter(OnDatabase database) {
            super(database);
            this.database = database;
        }

        @Test
        public void two_instances_on_one_database_cannot_both_win() {
            RunbookRepositoryPort here = ports.runbooks();
            RunbookRepositoryPort otherInstance = database.fixture().start().runbooks();
            Connection connection = savedConnection();
            Runbook loadedHere = here.insertOrGet(Fixtures.runbook(connection, "Shared"));
            Runbook loadedThere = otherInstance.findByTarget(connection.id(), Fixtures.SPACE, Title.of("Shared")).orElseThrow();

            otherInstance.update(loadedThere.published(Fixtures.published(Fixtures.pageId())));

            assertThatThrownBy(() -> here.update(loadedHere.published(Fixtures.published(Fixtures.pageId()))))
                    .isInstanceOf(ConflictException.class);
            assertThat(here.find(connection.workspace(), loadedHere.id()).orElseThrow().revision()).isEqualTo(2);
        }

        @Test
        public void a_runbook_whose_stored_json_is_damaged_fails_clearly() {
            Connection connection = savedConnection();
            Runbook stored = ports.runbooks().insertOrGet(Fixtures.runbook(connection, "Damaged"));
            database.fixture().raw().useHandle(h -> h.createUpdate("UPDATE runbook SET inputs_json = '{not json' WHERE id = :id")
                    .bind("id", stored.id().value()).execute());

            assertThatThrownBy(() -> ports.runbooks().find(connection.workspace(), stored.id()))
                    .isInstanceOf(ConnectorException.class).hasMessageContaining("JSON");
        }

        private Connection savedConnection() {
            Connection connection = Fixtures.connection(WorkspaceId.random());
            ports.connections().save(connection);
            return connection;
        }
    }
}
