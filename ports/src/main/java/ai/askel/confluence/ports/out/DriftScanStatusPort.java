package ai.askel.confluence.ports.out;

import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.DriftScanStatus;
import ai.askel.confluence.domain.WorkspaceId;
import java.util.List;
import java.util.Optional;

/** The last drift scan of each connection: when it ran and how it ended. */
public interface DriftScanStatusPort {
    /** Replaces the connection's last scan. */
    void record(DriftScanStatus status);

    Optional<DriftScanStatus> find(ConnectionId connection);

    /** The last scan of every connection of the workspace that was scanned at least once. */
    List<DriftScanStatus> list(WorkspaceId workspace);

    /**
     * The last scan of every connection, of every workspace, that was scanned at least once: what each instance of a
     * cluster reads to show the scans that any of them ran. A removed connection's last scan goes with it.
     */
    List<DriftScanStatus> listAll();
}
