package ai.askel.confluence.ports.out;

import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Drift findings, one open finding per (connection, page, kind). */
public interface DriftFindingRepositoryPort {
    /** Records the finding as seen now: opens it, or updates the open one's detail and last-seen time. */
    DriftFinding recordSeen(DriftFinding finding);

    /** Resolves the open finding, if any; answers whether there was one. */
    boolean resolve(ConnectionId connection, Optional<PageId> page, DriftKind kind, Instant at);

    List<DriftFinding> listOpen(ConnectionId connection);

    /** Open findings of every connection of the workspace. */
    List<DriftFinding> listOpen(WorkspaceId workspace);
}
