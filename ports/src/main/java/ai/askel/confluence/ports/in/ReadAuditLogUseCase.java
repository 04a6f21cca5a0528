package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.ports.out.AuditEvent;
import java.util.List;

/** Who (which API key) did what, when, in a workspace: the newest events first. */
public interface ReadAuditLogUseCase {
    int MAX_LIMIT = 500;

    /** At most {@code limit} (1 to {@value #MAX_LIMIT}) of the workspace's newest events. */
    List<AuditEvent> recent(WorkspaceId workspace, int limit);
}
