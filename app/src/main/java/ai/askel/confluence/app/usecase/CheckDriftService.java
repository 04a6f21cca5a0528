package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.domain.DriftScanStatus;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.ports.in.CheckDriftUseCase;
import ai.askel.confluence.ports.in.WorkspaceScan;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.out.ClockPort;
import ai.askel.confluence.ports.out.ConnectionRepositoryPort;
import ai.askel.confluence.ports.out.DriftFindingRepositoryPort;
import ai.askel.confluence.ports.out.DriftScanObserver;
import ai.askel.confluence.ports.out.DriftScanStatusPort;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scans connections for drift ({@code docs/drift.md}): each scan's checks are {@link ConnectionDriftScan}'s; this
 * service records how every scan ended (the connection's last scan, a metric) and turns a scan that could not
 * reach the site into a {@code SCAN_FAILED} finding and a WARN line, so that stale findings never look current.
 */
final class CheckDriftService implements CheckDriftUseCase {
    private static final Logger LOG = LoggerFactory.getLogger(CheckDriftService.class);

    private final ConnectionLookup lookup;
    private final ConnectionRepositoryPort connections;
    private final ConnectionDriftScan connectionScan;
    private final DriftFindingRepositoryPort findings;
    private final DriftScanStatusPort scans;
    private final DriftScanObserver observer;
    private final ClockPort clock;

    @Inject
    public CheckDriftService(ConnectionLookup lookup, ConnectionRepositoryPort connections, ConnectionDriftScan connectionScan,
                      DriftFindingRepositoryPort findings, DriftScanStatusPort scans, DriftScanObserver observer, ClockPort clock) {
        this.lookup = lookup;
        this.connections = connections;
        this.connectionScan = connectionScan;
        this.findings = findings;
        this.scans = scans;
        this.observer = observer;
        this.clock = clock;
    }

    @Override
    public List<DriftFinding> scan(ConnectionRef ref) {
        return scan(lookup.connection(ref));
    }

    private List<DriftFinding> scan(Connection connection) {
        Instant started = clock.now();
        DriftLedger ledger = new DriftLedger(findings, connection.id(), connection.name(), started);
        try {
            DriftScanStatus.Outcome outcome = connectionScan.scan(connection, ledger);
            ledger.resolve(Optional.empty(), DriftKind.SCAN_FAILED);
            return finish(connection, started, outcome, Optional.empty());
        } catch (ConnectorException e) {
            String problem = "%s [%s]".formatted(e.getMessage(), e.code());
            ledger.seen(Optional.empty(), DriftKind.SCAN_FAILED, ("the drift scan of connection '%s' (%s) could not complete: %s; "
                    + "its other findings are as of the last scan that did").formatted(connection.name(), connection.site(), problem));
            LOG.warn("drift scan of connection '{}' ({}, {}) failed: {}{}", connection.name(), connection.id(), connection.site(), problem,
                    e.traceId().map(t -> " (Confluence trace id " + t + ")").orElse(""));
            finish(connection, started, DriftScanStatus.Outcome.FAILED, Optional.of(problem));
            throw e;
        }
    }

    private List<DriftFinding> finish(Connection connection, Instant started, DriftScanStatus.Outcome outcome, Optional<String> problem) {
        List<DriftFinding> open = findings.listOpen(connection.id());
        Duration took = Duration.between(started, clock.now());
        DriftScanStatus status = new DriftScanStatus(connection.id(), started, took.isNegative() ? Duration.ZERO : took, outcome, problem,
                open.size());
        scans.record(status);
        observer.scanFinished(status);
        return open;
    }

    @Override
    public List<DriftFinding> scanAll() {
        return scanEach(connections.listAll()).openFindings();
    }

    @Override
    public WorkspaceScan scanAll(WorkspaceId workspace) {
        return scanEach(connections.list(workspace));
    }

    private WorkspaceScan scanEach(List<Connection> all) {
        List<DriftFinding> open = new ArrayList<>();
        List<WorkspaceScan.NotScanned> notScanned = new ArrayList<>();
        for (Connection connection : all) {
            try {
                open.addAll(scan(connection));
            } catch (ConnectorException e) {
                // one unreachable site must not stop the scan of the others; its SCAN_FAILED finding says so
                open.addAll(findings.listOpen(connection.id()));
                notScanned.add(new WorkspaceScan.NotScanned(connection.id(), connection.name(), e.code(), e.getMessage()));
            }
        }
        return new WorkspaceScan(open, notScanned);
    }

    @Override
    public List<DriftFinding> openFindings(ConnectionRef ref) {
        return findings.listOpen(lookup.connection(ref).id());
    }

    @Override
    public List<DriftFinding> openFindings(WorkspaceId workspace) {
        return findings.listOpen(workspace);
    }

    @Override
    public Optional<DriftScanStatus> lastScan(ConnectionRef ref) {
        return scans.find(lookup.connection(ref).id());
    }

    @Override
    public List<DriftScanStatus> lastScans(WorkspaceId workspace) {
        return scans.list(workspace);
    }
}
