package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConnectionRepositoryPort;
import jakarta.inject.Inject;

/** Finds the connection a request acts through; another workspace's connection is simply not found. */
final class ConnectionLookup {
    private final ConnectionRepositoryPort connections;

    @Inject
    public ConnectionLookup(ConnectionRepositoryPort connections) {
        this.connections = connections;
    }

    public Connection connection(ConnectionRef ref) {
        return connections.find(ref.workspace(), ref.connection())
                .orElseThrow(() -> new NotFoundException("connection " + ref.connection() + " not found"));
    }

    public ConfluenceAccess access(ConnectionRef ref) {
        return ConfluenceAccess.of(connection(ref));
    }
}
