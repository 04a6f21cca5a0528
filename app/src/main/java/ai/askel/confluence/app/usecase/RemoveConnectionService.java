package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.RemoveConnectionUseCase;
import ai.askel.confluence.ports.out.ConnectionRepositoryPort;
import ai.askel.confluence.ports.out.DriftScanObserver;
import jakarta.inject.Inject;

import java.util.Optional;

/** Forgets a connection and what was recorded for it; the pages in Confluence stay as they are. */
final class RemoveConnectionService implements RemoveConnectionUseCase {
    private final ConnectionRepositoryPort connections;
    private final DriftScanObserver scans;
    private final AuditTrail audit;

    @Inject
    public RemoveConnectionService(ConnectionRepositoryPort connections, DriftScanObserver scans, AuditTrail audit) {
        this.connections = connections;
        this.scans = scans;
        this.audit = audit;
    }

    @Override
    public void remove(ConnectionRef ref) {
        if (!connections.delete(ref.workspace(), ref.connection())) {
            throw new NotFoundException("connection " + ref.connection() + " not found");
        }
        scans.connectionRemoved(ref.connection());
        audit.record(ref.workspace(), "connection.remove", Optional.of(ref.connection()), Optional.empty(), "removed");
    }
}
