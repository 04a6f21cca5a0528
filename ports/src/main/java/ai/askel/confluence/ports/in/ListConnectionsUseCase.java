package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.WorkspaceId;
import java.util.List;

/** The workspace's connections. */
public interface ListConnectionsUseCase {
    List<Connection> list(WorkspaceId workspace);

    /** One connection; {@code NotFoundException} if it is not the workspace's. */
    Connection get(ConnectionRef ref);
}
