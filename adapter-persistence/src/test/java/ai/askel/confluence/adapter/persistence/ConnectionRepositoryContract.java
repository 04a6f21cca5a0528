package ai.askel.confluence.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.domain.EmailAddress;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.Runbook;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.ConflictException;
import ai.askel.confluence.ports.out.ConnectionRepositoryPort;
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

        assertThat(connections.delete(workspace, connection.id())).isTrue();

        assertThat(connections.find(workspace, connection.id())).isEmpty();
        assertThat(persistence.runbooks().find(workspace, runbook.id())).isEmpty();
        assertThat(persistence.managedPages().find(connection.id(), page)).isEmpty();
        assertThat(persistence.driftFindings().listOpen(connection.id())).isEmpty();
        assertThat(persistence.managedPages().listByConnection(kept.id())).hasSize(1);
        assertThat(connections.delete(workspace, connection.id())).isFalse();
    }
}
