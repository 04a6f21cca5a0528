package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.WorkspaceId;
import java.util.List;

/** Scans for drift and reports the open findings. */
public interface CheckDriftUseCase {
    /** Scans the connection now; answers its open findings after the scan. */
    List<DriftFinding> scan(ConnectionRef ref);

    /** Scans every connection of every workspace (the periodic scan in {@code serve}); answers all open findings. */
    List<DriftFinding> scanAll();

    /** The connection's open findings from the last scans, without scanning. */
    List<DriftFinding> openFindings(ConnectionRef ref);

    /** Open findings of every connection of the workspace. */
    List<DriftFinding> openFindings(WorkspaceId workspace);
}
