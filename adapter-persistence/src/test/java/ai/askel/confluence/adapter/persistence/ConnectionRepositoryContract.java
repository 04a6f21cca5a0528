package ai.askel.confluence.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.domain.EmailAddress;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.Runbook;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.ConflictException;
import ai.askel.confluence.ports.out.ConnectionRepositoryPort;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link ConnectionRepositoryPort}, run against every database. */
abstract class ConnectionRepositoryContract extends PersistenceContract {
    private ConnectionRepositoryPort connections;
    private WorkspaceId workspace;

    @BeforeEach
    void freshWorkspace() {
        connections = persistence.connections();
        workspace = WorkspaceId.random();
    }

    @Test
    void a_saved_connection_is_found_with_every_field_and_its_token() {
        Connection full = Fixtures.connection(workspace);
        Connection bare = Fixtures.bareConnection(workspace);
        connections.save(full);
        connections.save(bare);

        assertThat(connections.find(workspace, full.id())).contains(full);
        assertThat(connections.find(workspace, bare.id())).contains(bare);
        assertThat(connections.find(workspace, full.id()).orElseThrow().apiToken().reveal()).isEqualTo(full.apiToken().reveal());
    }

    @Test
    void saving_again_replaces_the_connection() {
        Connection original = Fixtures.connection(workspace);
        connections.save(original);
        assertThat(connections.find(workspace, original.id())).contains(original);
        Connection rotated = original.withCredentials(EmailAddress.of("new@acme.example"), Fixtures.token(),
                Optional.of(LocalDate.of(2027, 6, 30)), Fixtures.NOW.plusSeconds(3600)).rejected(Fixtures.NOW.plusSeconds(7200));

        connections.save(rotated);

        assertThat(connections.find(workspace, original.id())).contains(rotated);
        assertThat(connections.list(workspace)).containsExactly(rotated);
    }

    @Test
    void another_workspace_neither_sees_nor_deletes_nor_overwrites_the_connection() {
        Connection mine = Fixtures.connection(workspace);
        connections.save(mine);
        WorkspaceId other = WorkspaceId.random();

        assertThat(connections.find(other, mine.id())).isEmpty();
        assertThat(connections.list(other)).isEmpty();
        assertThat(connections.delete(other, mine.id())).isFalse();
        assertThatThrownBy(() -> connections.save(Fixtures.connection(other, mine.id())))
                .isInstanceOf(ConflictException.class).hasMessageContaining(mine.id().value());
        assertThat(connections.find(workspace, mine.id())).contains(mine);
    }

    @Test
    void a_second_connection_under_a_name_taken_in_its_workspace_is_a_conflict_and_another_workspace_may_use_it() {
        Connection first = Fixtures.connection(workspace);
        connections.save(first);
        Connection sameName = new Connection(ConnectionId.random(), workspace, first.name(), first.site(), first.cloudId(), first.email(),
                first.apiToken(), first.accountId(), first.status(), first.tokenExpiresOn(), first.createdAt(), first.updatedAt());
        Connection elsewhere = new Connection(ConnectionId.random(), WorkspaceId.random(), first.name(), first.site(), first.cloudId(),
                first.email(), first.apiToken(), first.accountId(), first.status(), first.tokenExpiresOn(), first.createdAt(), first.updatedAt());

        assertThatThrownBy(() -> connections.save(sameName)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("a connection named '" + first.name() + "' already exists");
        connections.save(elsewhere);

        assertThat(connections.list(workspace)).extracting(Connection::id).containsExactly(first.id());
        assertThat(connections.list(elsewhere.workspace())).extracting(Connection::id).containsExactly(elsewhere.id());
    }

    @Test
    void list_answers_the_workspace_connections_and_list_all_answers_every_workspace() {
        Connection first = Fixtures.connection(workspace);
        Connection second = Fixtures.bareConnection(workspace);
        Connection elsewhere = Fixtures.connection(WorkspaceId.random());
        connections.save(first);
        connections.save(second);
        connections.save(elsewhere);

        assertThat(connections.list(workspace)).containsExactlyInAnyOrder(first, second);
        assertThat(connections.listAll()).contains(first, second, elsewhere);
    }

    @Test
    void delete_removes_the_connection_and_everything_recorded_for_it() {
        Connection connection = Fixtures.connection(workspace);
        connections.save(connection);
        Runbook runbook = persistence.runbooks().insertOrGet(Fixtures.runbook(connection, "Payments API"));
        PageId page = Fixtures.pageId();
        persistence.managedPages().save(Fixtures.managedPage(connection.id(), page, "Payments API"));
        persistence.driftFindings().recordSeen(DriftFinding.seen(connection.id(), Optional.of(page), DriftKind.DELETED, "404",
                Fixtures.NOW));
        Connection kept = Fixtures.connection(workspace);
        connections.save(kept);
        persistence.managedPages().save(Fixtures.managedPage(kept.id(), Fixtures.pageId(), "Kept"));
        assertThat(connections.find(workspace, connection.id())).contains(connection);

        assertThat(connections.delete(workspace, connection.id())).isTrue();

        assertThat(connections.find(workspace, connection.id())).isEmpty();
        assertThat(persistence.runbooks().find(workspace, runbook.id())).isEmpty();
        assertThat(persistence.managedPages().find(connection.id(), page)).isEmpty();
        assertThat(persistence.driftFindings().listOpen(connection.id())).isEmpty();
        assertThat(persistence.managedPages().listByConnection(kept.id())).hasSize(1);
        assertThat(connections.delete(workspace, connection.id())).isFalse();
    }

    @Test
    void a_connection_is_served_from_memory_and_a_change_made_elsewhere_is_seen_once_the_ttl_passed() {
        TestPersistenceComponent shortLived = fixture.start(fixture.settings().withConnectionCacheTtl(Duration.ofSeconds(2)));
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
    void with_no_ttl_every_lookup_reads_the_database() {
        TestPersistenceComponent uncached = fixture.start(fixture.settings().withConnectionCacheTtl(Duration.ZERO));
        Connection connection = Fixtures.connection(workspace);
        uncached.connections().save(connection);
        assertThat(uncached.connections().find(workspace, connection.id())).contains(connection);

        renameBehindTheAdapter(connection, "renamed by another instance");

        assertThat(uncached.connections().find(workspace, connection.id()).orElseThrow().name()).isEqualTo("renamed by another instance");
    }

    private void renameBehindTheAdapter(Connection connection, String name) {
        int updated = fixture.raw().withHandle(h -> h.createUpdate("UPDATE connection SET name = :name WHERE id = :id")
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
