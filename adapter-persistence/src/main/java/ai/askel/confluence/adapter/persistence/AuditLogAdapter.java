package ai.askel.confluence.adapter.persistence;

import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.ports.out.AuditEvent;
import ai.askel.confluence.ports.out.AuditLogPort;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/** The append-only audit log: there is no update or delete. */
@Singleton
final class AuditLogAdapter implements AuditLogPort {
    private final Database db;
    private final PersistenceMapper mapper;

    @Inject
    AuditLogAdapter(Database db, PersistenceMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    @Override
    public void append(AuditEvent event) {
        AuditEventRow row = mapper.toRow(event);
        db.with(AuditEventDao.class, dao -> {
            dao.insert(row);
            return null;
        });
    }

    @Override
    public List<AuditEvent> recent(WorkspaceId workspace, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        return db.with(AuditEventDao.class, dao -> dao.recent(workspace.value(), limit)).stream().map(mapper::toDomain).toList();
    }
}
