package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.WorkspaceId;
import java.util.Objects;

/** Which connection a request acts through, in whose workspace (another workspace's connection is not found). */
public record ConnectionRef(WorkspaceId workspace, ConnectionId connection) {
    public ConnectionRef {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(connection, "connection");
    }
}
