package ai.askel.confluence.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.WorkspaceId;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The connection repository on every database: the port's contract, and the cache of connections this adapter keeps. */
class ConnectionRepositoryAdapterTest {
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
    abstract static class ThisAdapter extends ConnectionRepositoryContract {
        private final OnDatabase database;

        ThisAdapter(TestDatabase kind) {
            this(new OnDatabase(kind));
        }

        private ThisAdapter(OnDatabase database) {
            super(database);
            this.database = database;
        }

        @Test
        public void a_connection_is_served_from_memory_and_a_change_made_elsewhere_is_seen_once_the_ttl_passed() {
            TestPersistenceComponent shortLived = startWithCacheTtl(Duration.ofSeconds(2));
            WorkspaceId workspace = WorkspaceId.random();
            Connection connection = Fixtures.connection(workspace);
            shortLived.connections().save(connection);
            assertThat(shortLived.connections().find(workspace, connection.id())).contains(connection);

            renameBehindTheAdapter(connection, "renamed by another instance");

            assertThat(shortLived.connections().find(workspace, connection.id()).orElseThrow().name()).isEqualTo(connection.name());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!shortLived.connections().find(workspace, connection.id()).orElseThrow().name().equals("renamed by another instance")) {
                assertThat(System.nanoTime()).as("the other instance's change is seen within the TTL").isLessThan(deadline);
                sleep(Duration.ofMillis(20));
            }
        }

        @Test
        public void with_no_ttl_every_lookup_reads_the_database() {
            TestPersistenceComponent uncached = startWithCacheTtl(Duration.ZERO);
            WorkspaceId workspace = WorkspaceId.random();
            Connection connection = Fixtures.connection(workspace);
            uncached.connections().save(connection);
            assertThat(uncached.connections().find(workspace, connection.id())).contains(connection);

            renameBehindTheAdapter(connection, "renamed by another instance");

            assertThat(uncached.connections().find(workspace, connection.id()).orElseThrow().name()).isEqualTo("renamed by another instance");
        }

        private TestPersistenceComponent startWithCacheTtl(Duration ttl) {
            return database.fixture().start(database.fixture().settings().withConnectionCacheTtl(ttl));
        }

        private void renameBehindTheAdapter(Connection connection, String name) {
            int updated = database.fixture().raw().withHandle(h -> h.createUpdate("UPDATE connection SET name = :name WHERE id = :id")
                    .bind("name", name).bind("id", connection.id().value()).execute());
            assertThat(updated).isEqualTo(1);
        }

        private static void sleep(Duration duration) {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
