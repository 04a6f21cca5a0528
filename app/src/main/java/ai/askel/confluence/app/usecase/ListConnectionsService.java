package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.ListConnectionsUseCase;
import ai.askel.confluence.ports.out.ConnectionRepositoryPort;
import jakarta.inject.Inject;

import java.util.List;

/** The workspace's connections (their tokens stay {@code Secret}s). */
final class ListConnectionsService implements ListConnectionsUseCase {
    private final ConnectionRepositoryPort connections;
    private final ConnectionLookup lookup;

    @Inject
    public ListConnectionsService(ConnectionRepositoryPort connections, ConnectionLookup lookup) {
        this.connections = connections;
        this.lookup = lookup;
    }

    @Override
    public List<Connection> list(WorkspaceId workspace) {
        return connections.list(workspace);
    }

    @Override
    public Connection get(ConnectionRef ref) {
        return lookup.connection(ref);
    }
}
