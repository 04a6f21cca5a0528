package ai.askel.confluence.ports.out;

import ai.askel.confluence.domain.Workspace;
import ai.askel.confluence.domain.WorkspaceId;
import java.util.List;
import java.util.Optional;

/** The workspaces. */
public interface WorkspaceRepositoryPort {
    /** Stores a new workspace; {@code ConflictException} if its id exists or its name is taken ({@code Workspace.nameTaken}). */
    void insert(Workspace workspace);

    Optional<Workspace> find(WorkspaceId id);

    /** Every workspace, oldest first, at most {@code limit}. */
    List<Workspace> list(int limit);
}
