package ai.askel.confluence.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.DriftScanStatus;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.ports.out.DriftScanStatusPort;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link DriftScanStatusPort}: every database runs it, and so does the app against its in-memory fake. */
public abstract class DriftScanStatusContract extends RepositoryContract {
    private DriftScanStatusPort scans;
    private Connection connection;

    protected DriftScanStatusContract(Source source) {
        super(source);
    }

    @BeforeEach
    public void freshConnection() {
        scans = ports.driftScanStatus();
        connection = Fixtures.connection(WorkspaceId.random());
        ports.connections().save(connection);
    }

    @Test
    public void the_last_scan_replaces_the_one_before() {
        DriftScanStatus failed = new DriftScanStatus(connection.id(), Fixtures.NOW, Duration.ofMillis(1500),
                DriftScanStatus.Outcome.FAILED, Optional.of("Confluence did not answer"), 3);
        scans.record(failed);
        assertThat(scans.find(connection.id())).contains(failed);

        DriftScanStatus completed = new DriftScanStatus(connection.id(), Fixtures.NOW.plusSeconds(900), Duration.ofMillis(200),
                DriftScanStatus.Outcome.COMPLETED, Optional.empty(), 0);
        scans.record(completed);
        assertThat(scans.find(connection.id())).contains(completed);
    }

    @Test
    public void a_workspace_lists_the_last_scan_of_its_own_connections_only() {
        Connection foreign = Fixtures.connection(WorkspaceId.random());
        ports.connections().save(foreign);
        DriftScanStatus mine = new DriftScanStatus(connection.id(), Fixtures.NOW, Duration.ZERO, DriftScanStatus.Outcome.COMPLETED,
                Optional.empty(), 1);
        scans.record(mine);
        scans.record(new DriftScanStatus(foreign.id(), Fixtures.NOW, Duration.ZERO, DriftScanStatus.Outcome.COMPLETED, Optional.empty(), 0));

        assertThat(scans.list(connection.workspace())).containsExactly(mine);
    }

    @Test
    public void every_workspaces_last_scans_are_listed_together_until_their_connection_is_removed() {
        Connection other = Fixtures.connection(WorkspaceId.random());
        ports.connections().save(other);
        DriftScanStatus mine = new DriftScanStatus(connection.id(), Fixtures.NOW, Duration.ZERO, DriftScanStatus.Outcome.COMPLETED,
                Optional.empty(), 1);
        DriftScanStatus theirs = new DriftScanStatus(other.id(), Fixtures.NOW, Duration.ofSeconds(3), DriftScanStatus.Outcome.FAILED,
                Optional.of("Confluence did not answer"), 4);
        scans.record(mine);
        scans.record(theirs);

        assertThat(scans.listAll()).contains(mine, theirs);

        ports.connections().delete(other.workspace(), other.id());
        assertThat(scans.listAll()).contains(mine).doesNotContain(theirs)
                .noneMatch(status -> status.connection().equals(other.id()));
    }

    @Test
    public void a_scan_of_an_unknown_connection_is_not_found() {
        assertThatThrownBy(() -> scans.record(new DriftScanStatus(ConnectionId.random(), Fixtures.NOW, Duration.ZERO,
                DriftScanStatus.Outcome.COMPLETED, Optional.empty(), 0))).isInstanceOf(NotFoundException.class);
    }
}
