package ai.askel.confluence.ports.out;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.WorkspaceId;
import java.util.List;
import java.util.Optional;

/** Stored connections. API tokens are encrypted at rest; callers see them only as {@code Secret}s. */
public interface ConnectionRepositoryPort {
    /** Inserts or replaces the connection. */
    void save(Connection connection);

    /** The workspace's connection; another workspace's is simply not found. */
    Optional<Connection> find(WorkspaceId workspace, ConnectionId id);

    List<Connection> list(WorkspaceId workspace);

    /** Every connection of every workspace (for scheduled drift scans). */
    List<Connection> listAll();

    /** Deletes the connection and everything recorded for it; answers whether it existed. */
    boolean delete(WorkspaceId workspace, ConnectionId id);
}
