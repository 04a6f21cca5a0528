package ai.askel.confluence.adapter.persistence;

import ai.askel.confluence.domain.Workspace;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.ConflictException;
import ai.askel.confluence.ports.out.WorkspaceRepositoryPort;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** The workspaces (the migration creates the default one). */
@Singleton
final class WorkspaceRepositoryAdapter implements WorkspaceRepositoryPort {
    private final Database db;

    @Inject
    WorkspaceRepositoryAdapter(Database db) {
        this.db = db;
    }

    @Override
    public void insert(Workspace workspace) {
        WorkspaceRow row = new WorkspaceRow(workspace.id().value(), workspace.name(), workspace.createdAt());
        try {
            db.with(WorkspaceDao.class, dao -> {
                dao.insert(row);
                return null;
            });
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolationOf(e, "workspace_name_unique")) {
                throw Workspace.nameTaken(workspace.name());
            }
            if (SqlErrors.isUniqueViolation(e)) {
                throw new ConflictException("a workspace with id %s exists already".formatted(workspace.id()));
            }
            throw e;
        }
    }

    @Override
    public Optional<Workspace> find(WorkspaceId id) {
        return db.with(WorkspaceDao.class, dao -> dao.find(id.value())).map(WorkspaceRepositoryAdapter::toDomain);
    }

    @Override
    public List<Workspace> list(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        return db.with(WorkspaceDao.class, dao -> dao.list(limit)).stream().map(WorkspaceRepositoryAdapter::toDomain).toList();
    }

    private static Workspace toDomain(WorkspaceRow row) {
        return new Workspace(WorkspaceId.of(row.id()), row.name(), row.createdAt());
    }
}
