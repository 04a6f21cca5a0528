package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftScanStatus;
import ai.askel.confluence.domain.WorkspaceId;
import java.util.List;
import java.util.Optional;

/** Scans for drift and reports the open findings and how the last scans went. */
public interface CheckDriftUseCase {
    /**
     * Scans the connection now; answers its open findings after the scan. When Confluence cannot be reached or fails
     * the scan, a {@code SCAN_FAILED} finding is recorded and the error is thrown.
     */
    List<DriftFinding> scan(ConnectionRef ref);

    /**
     * Scans every connection of every workspace (the periodic scan in {@code serve}); answers all open findings. A site
     * that cannot be scanned does not stop the others: its {@code SCAN_FAILED} finding is among those answered.
     */
    List<DriftFinding> scanAll();

    /**
     * Scans every connection of the workspace now (the CLI's and the console's "scan"). A site that cannot be scanned
     * does not stop the others: it is named in {@link WorkspaceScan#notScanned()} and its findings are answered as of its
     * last scan, with its {@code SCAN_FAILED} finding.
     */
    WorkspaceScan scanAll(WorkspaceId workspace);

    /** The connection's open findings from the last scans, without scanning. */
    List<DriftFinding> openFindings(ConnectionRef ref);

    /** Open findings of every connection of the workspace. */
    List<DriftFinding> openFindings(WorkspaceId workspace);

    /** How the connection's last scan went; empty if it was never scanned. */
    Optional<DriftScanStatus> lastScan(ConnectionRef ref);

    /** The last scan of every connection of the workspace that was scanned. */
    List<DriftScanStatus> lastScans(WorkspaceId workspace);
}
