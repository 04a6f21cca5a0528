package ai.askel.confluence.app;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.ListConnectionsUseCase;
import ai.askel.confluence.ports.in.RegisterConnectionCommand;
import java.util.List;
import java.util.Objects;

/**
 * One workspace of an embedded connector: names its connections for the use cases, which never reach another
 * workspace's (a connection of another workspace is not found).
 */
public final class AskelWorkspace {
    private final WorkspaceId id;
    private final ListConnectionsUseCase connections;

    AskelWorkspace(WorkspaceId id, ListConnectionsUseCase connections) {
        this.id = Objects.requireNonNull(id, "id");
        this.connections = connections;
    }

    public WorkspaceId id() {
        return id;
    }

    /** The connection of this workspace to act through. */
    public ConnectionRef connection(ConnectionId connection) {
        return new ConnectionRef(id, connection);
    }

    /** The connection of this workspace with this id (as text). */
    public ConnectionRef connection(String connectionId) {
        return connection(ConnectionId.of(connectionId));
    }

    /** The workspace's connections. */
    public List<Connection> connections() {
        return connections.list(id);
    }

    /** A new connection of this workspace, to fill in and pass to {@code registerConnection().register(...)}. */
    public RegisterConnectionCommand.Builder newConnection() {
        return RegisterConnectionCommand.in(id);
    }

    @Override
    public String toString() {
        return "workspace " + id;
    }
}
