package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.ports.in.ReadAuditLogUseCase;
import ai.askel.confluence.ports.out.AuditEvent;
import ai.askel.confluence.ports.out.AuditLogPort;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;

/** The workspace's newest audit events, at most {@value ReadAuditLogUseCase#MAX_LIMIT} at a time. */
public final class ReadAuditLogService implements ReadAuditLogUseCase {
    private final AuditLogPort audit;

    @Inject
    public ReadAuditLogService(AuditLogPort audit) {
        this.audit = audit;
    }

    @Override
    public List<AuditEvent> recent(WorkspaceId workspace, int limit) {
        Objects.requireNonNull(workspace, "workspace");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.of("limit", "must be 1 to %d, was %d".formatted(MAX_LIMIT, limit));
        }
        return audit.recent(workspace, limit);
    }
}
