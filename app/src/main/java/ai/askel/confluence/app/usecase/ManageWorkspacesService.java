package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Workspace;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.WorkspaceIds;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.ports.in.ManageWorkspacesUseCase;
import ai.askel.confluence.ports.out.ClockPort;
import ai.askel.confluence.ports.out.WorkspaceRepositoryPort;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Creates and lists workspaces. A creation is recorded in the default workspace's audit log and in the new one's. */
final class ManageWorkspacesService implements ManageWorkspacesUseCase {
    /** The most workspaces one listing returns. */
    static final int MAX_LISTED = 1000;

    private final WorkspaceRepositoryPort workspaces;
    private final ClockPort clock;
    private final AuditTrail audit;

    @Inject
    public ManageWorkspacesService(WorkspaceRepositoryPort workspaces, ClockPort clock, AuditTrail audit) {
        this.workspaces = workspaces;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public Workspace create(String name) {
        Workspace workspace = new Workspace(WorkspaceId.random(), Workspace.requireName(name), clock.now());
        workspaces.insert(workspace);
        String outcome = "created workspace " + workspace.id();
        audit.record(WorkspaceIds.DEFAULT, "workspace.create", Optional.empty(), Optional.empty(), outcome);
        audit.record(workspace.id(), "workspace.create", Optional.empty(), Optional.empty(), outcome);
        return workspace;
    }

    @Override
    public List<Workspace> list() {
        return workspaces.list(MAX_LISTED).stream()
                .sorted(Comparator.comparing((Workspace w) -> !w.id().equals(WorkspaceIds.DEFAULT)).thenComparing(Workspace::createdAt))
                .toList();
    }

    @Override
    public Workspace get(WorkspaceId id) {
        return workspaces.find(id).orElseThrow(() -> new NotFoundException("workspace " + id + " not found"));
    }
}
