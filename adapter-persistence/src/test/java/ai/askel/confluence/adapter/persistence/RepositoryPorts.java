package ai.askel.confluence.adapter.persistence;

import ai.askel.confluence.ports.out.ApiKeyRepositoryPort;
import ai.askel.confluence.ports.out.AuditLogPort;
import ai.askel.confluence.ports.out.ConnectionRepositoryPort;
import ai.askel.confluence.ports.out.DriftFindingRepositoryPort;
import ai.askel.confluence.ports.out.DriftScanStatusPort;
import ai.askel.confluence.ports.out.IdempotencyRepositoryPort;
import ai.askel.confluence.ports.out.ManagedPageRepositoryPort;
import ai.askel.confluence.ports.out.RunbookRepositoryPort;
import ai.askel.confluence.ports.out.WorkspaceRepositoryPort;

/**
 * The repository ports the contracts run on, as one store: deleting a connection through {@link #connections()} is seen
 * by the others, as it is in a database (this adapter's, or the app's in-memory fakes).
 */
public interface RepositoryPorts {
    ConnectionRepositoryPort connections();

    RunbookRepositoryPort runbooks();

    ManagedPageRepositoryPort managedPages();

    DriftFindingRepositoryPort driftFindings();

    DriftScanStatusPort driftScanStatus();

    ApiKeyRepositoryPort apiKeys();

    WorkspaceRepositoryPort workspaces();

    IdempotencyRepositoryPort idempotency();

    AuditLogPort auditLog();
}
