package ai.askel.confluence.ports.out;

import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftFindingId;
import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Drift findings, one open finding per (connection, page, kind); resolved ones stay as history. */
public interface DriftFindingRepositoryPort {
    /**
     * Records the finding as seen now: opens it, or updates the open one's detail and last-seen time. An
     * acknowledgement lasts while the detail stays the same: a different detail (the page changed again) clears it.
     * Answers the stored finding, with its id.
     */
    DriftFinding recordSeen(DriftFinding finding);

    /** Resolves the open finding, if any; answers whether there was one. */
    boolean resolve(ConnectionId connection, Optional<PageId> page, DriftKind kind, Instant at);

    /** The connection's finding with this id, open or resolved. */
    Optional<DriftFinding> find(ConnectionId connection, DriftFindingId id);

    /** Mutes the open finding until what the scan sees changes; answers it as it now stands (empty when there is no such finding). */
    Optional<DriftFinding> acknowledge(ConnectionId connection, DriftFindingId id, Instant at);

    /** The connection's open findings, acknowledged ones included. */
    List<DriftFinding> listOpen(ConnectionId connection);

    /** The open findings about one page of the connection, acknowledged ones included. */
    List<DriftFinding> listOpen(ConnectionId connection, PageId page);

    /** Open findings of every connection of the workspace. */
    List<DriftFinding> listOpen(WorkspaceId workspace);
}
