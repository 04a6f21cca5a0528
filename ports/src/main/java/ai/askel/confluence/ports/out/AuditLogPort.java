package ai.askel.confluence.ports.out;

import ai.askel.confluence.domain.WorkspaceId;
import java.util.List;

/** An append-only log of what the connector did. */
public interface AuditLogPort {
    void append(AuditEvent event);

    /** The workspace's newest events first. */
    List<AuditEvent> recent(WorkspaceId workspace, int limit);

    /** The workspace's events the query asks for, newest first. */
    AuditLogPage read(AuditQuery query);
}
