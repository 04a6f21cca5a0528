package ai.askel.confluence.ports.out;

import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.WorkspaceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Who did what to which page, and how it ended. Never a secret, never a page body. */
public record AuditEvent(Instant at, WorkspaceId workspace, Optional<String> apiKeyPrefix, String operation,
                         Optional<ConnectionId> connection, Optional<PageId> page, String outcome, Optional<String> traceId) {
    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(apiKeyPrefix, "apiKeyPrefix");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(traceId, "traceId");
    }
}
