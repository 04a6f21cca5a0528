package ai.askel.confluence.adapter.persistence;

import ai.askel.confluence.domain.ContentHash;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.ports.out.IdempotencyRecord;
import ai.askel.confluence.ports.out.IdempotencyRepositoryPort;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/** Idempotency records; the primary key (workspace, key) decides which of two racing requests claims a key. */
@Singleton
final class IdempotencyRepositoryAdapter implements IdempotencyRepositoryPort {
    private final Database db;
    private final PersistenceMapper mapper;

    @Inject
    IdempotencyRepositoryAdapter(Database db, PersistenceMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    /** The length of {@code idempotency_record.idempotency_key}. */
    static final int MAX_KEY_LENGTH = 255;

    @Override
    public boolean tryClaim(IdempotencyRecord record) {
        if (record.key().isEmpty() || record.key().length() > MAX_KEY_LENGTH) {
            throw InvalidInputException.of("Idempotency-Key", "must be 1 to %d characters long, was %d"
                    .formatted(MAX_KEY_LENGTH, record.key().length()));
        }
        IdempotencyRow row = mapper.toRow(record);
        try {
            db.with(IdempotencyDao.class, dao -> {
                dao.insert(row);
                return null;
            });
            return true;
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<IdempotencyRecord> find(WorkspaceId workspace, String key) {
        return db.with(IdempotencyDao.class, dao -> dao.find(workspace.value(), key)).map(mapper::toDomain);
    }

    @Override
    public boolean takeOver(WorkspaceId workspace, String key, ContentHash requestHash, Instant now, Instant leaseExpiresAt) {
        return db.with(IdempotencyDao.class, dao -> dao.takeOver(workspace.value(), key, requestHash.hex(), now, leaseExpiresAt)) == 1;
    }

    @Override
    public boolean renew(WorkspaceId workspace, String key, Instant leaseExpiresAt) {
        return db.with(IdempotencyDao.class, dao -> dao.renew(workspace.value(), key, leaseExpiresAt)) == 1;
    }

    @Override
    public void complete(WorkspaceId workspace, String key, IdempotencyRecord.StoredResponse response) {
        int updated = db.with(IdempotencyDao.class, dao -> dao.complete(workspace.value(), key, response.status(), response.body()));
        if (updated == 0) {
            throw new NotFoundException("no request claimed idempotency key '%s' (it may have expired)".formatted(key));
        }
    }

    @Override
    public void release(WorkspaceId workspace, String key) {
        db.with(IdempotencyDao.class, dao -> dao.release(workspace.value(), key));
    }

    @Override
    public int deleteExpired(Instant now) {
        return db.with(IdempotencyDao.class, dao -> dao.deleteExpired(now));
    }
}
