package ai.askel.confluence.adapter.persistence;

import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.ConflictException;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.ports.out.ApiKeyRecord;
import ai.askel.confluence.ports.out.ApiKeyRepositoryPort;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The workspaces' API keys (hash and prefix only). */
@Singleton
final class ApiKeyRepositoryAdapter implements ApiKeyRepositoryPort {
    private final Database db;
    private final PersistenceMapper mapper;

    @Inject
    ApiKeyRepositoryAdapter(Database db, PersistenceMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    @Override
    public void insert(ApiKeyRecord key) {
        ApiKeyRow row = mapper.toRow(key);
        try {
            db.with(ApiKeyDao.class, dao -> {
                dao.insert(row);
                return null;
            });
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new ConflictException("an API key with id %s or prefix %s exists already".formatted(key.id(), key.prefix()));
            }
            if (SqlErrors.isMissingParent(e)) {
                throw new NotFoundException("workspace " + key.workspace() + " not found");
            }
            throw e;
        }
    }

    @Override
    public Optional<ApiKeyRecord> findByPrefix(String prefix) {
        return db.with(ApiKeyDao.class, dao -> dao.findByPrefix(prefix)).map(mapper::toDomain);
    }

    @Override
    public List<ApiKeyRecord> list(WorkspaceId workspace) {
        return db.with(ApiKeyDao.class, dao -> dao.list(workspace.value())).stream().map(mapper::toDomain).toList();
    }

    @Override
    public boolean revoke(WorkspaceId workspace, String keyId, Instant at) {
        return db.with(ApiKeyDao.class, dao -> dao.revoke(workspace.value(), keyId, at)) > 0;
    }
}
