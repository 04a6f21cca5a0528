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
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link ConnectionRepositoryPort}: every database runs it, and so does the app against its in-memory fake. */
public abstract class ConnectionRepositoryContract extends RepositoryContract {
    private ConnectionRepositoryPort connections;
    private WorkspaceId workspace;

    protected ConnectionRepositoryContract(Source source) {
        super(source);
    }

    @BeforeEach
    public void freshWorkspace() {
        connections = ports.connections();
        workspace = WorkspaceId.random();
    }

    @Test
    public void a_saved_connection_is_found_with_every_field_and_its_token() {
        Connection full = Fixtures.connection(workspace);
        Connection bare = Fixtures.bareConnection(workspace);
        connections.save(full);
        connections.save(bare);

        assertThat(connections.find(workspace, full.id())).contains(full);
        assertThat(connections.find(workspace, bare.id())).contains(bare);
        assertThat(connections.find(workspace, full.id()).orElseThrow().apiToken().reveal()).isEqualTo(full.apiToken().reveal());
    }

    @Test
    public void saving_again_replaces_the_connection() {
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
    public void another_workspace_neither_sees_nor_deletes_nor_overwrites_the_connection() {
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
    public void a_second_connection_under_a_name_taken_in_its_workspace_is_a_conflict_and_another_workspace_may_use_it() {
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
    public void list_answers_the_workspace_connections_and_list_all_answers_every_workspace() {
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
    public void delete_removes_the_connection_and_everything_recorded_for_it() {
        Connection connection = Fixtures.connection(workspace);
        connections.save(connection);
        Runbook runbook = ports.runbooks().insertOrGet(Fixtures.runbook(connection, "Payments API"));
        PageId page = Fixtures.pageId();
        ports.managedPages().save(Fixtures.managedPage(connection.id(), page, "Payments API"));
        ports.driftFindings().recordSeen(DriftFinding.seen(connection.id(), Optional.of(page), DriftKind.DELETED, "404",
                Fixtures.NOW));
        Connection kept = Fixtures.connection(workspace);
        connections.save(kept);
        ports.managedPages().save(Fixtures.managedPage(kept.id(), Fixtures.pageId(), "Kept"));
        assertThat(connections.find(workspace, connection.id())).contains(connection);

        assertThat(connections.delete(workspace, connection.id())).isTrue();

        assertThat(connections.find(workspace, connection.id())).isEmpty();
        assertThat(ports.runbooks().find(workspace, runbook.id())).isEmpty();
        assertThat(ports.managedPages().find(connection.id(), page)).isEmpty();
        assertThat(ports.driftFindings().listOpen(connection.id())).isEmpty();
        assertThat(ports.managedPages().listByConnection(kept.id())).hasSize(1);
        assertThat(connections.delete(workspace, connection.id())).isFalse();
    }




}
