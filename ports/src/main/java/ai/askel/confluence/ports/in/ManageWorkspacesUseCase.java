package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.Workspace;
import ai.askel.confluence.domain.WorkspaceId;
import java.util.List;

/** The connector's tenants. The default workspace always exists; others are created here and never reuse an id. */
public interface ManageWorkspacesUseCase {
    /** A new, empty workspace with a fresh id. */
    Workspace create(String name);

    /** Every workspace, the default one first, then by creation time. */
    List<Workspace> list();

    /** The workspace, or {@code NotFoundException}. */
    Workspace get(WorkspaceId id);
}
