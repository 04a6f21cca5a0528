package ai.askel.confluence.adapter.persistence;

import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.DriftScanStatus;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.ports.out.DriftScanStatusPort;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** The last drift scan per connection: one row each, replaced by every scan. */
@Singleton
final class DriftScanStatusAdapter implements DriftScanStatusPort {
    private final Database db;
    private final PersistenceMapper mapper;

    @Inject
    DriftScanStatusAdapter(Database db, PersistenceMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    @Override
    public void record(DriftScanStatus status) {
        DriftScanStatusRow row = mapper.toRow(status);
        try {
            db.upsert(h -> {
                DriftScanStatusDao dao = h.attach(DriftScanStatusDao.class);
                if (dao.update(row) == 0) {
                    dao.insert(row);
                }
                return null;
            });
        } catch (RuntimeException e) {
            if (SqlErrors.isMissingParent(e)) {
                throw new NotFoundException("connection %s does not exist".formatted(status.connection()));
            }
            throw e;
        }
    }

    @Override
    public Optional<DriftScanStatus> find(ConnectionId connection) {
        return db.with(DriftScanStatusDao.class, dao -> dao.find(connection.value())).map(mapper::toDomain);
    }

    @Override
    public List<DriftScanStatus> list(WorkspaceId workspace) {
        return db.with(DriftScanStatusDao.class, dao -> dao.list(workspace.value())).stream().map(mapper::toDomain).toList();
    }

    @Override
    public List<DriftScanStatus> listAll() {
        return db.with(DriftScanStatusDao.class, DriftScanStatusDao::listAll).stream().map(mapper::toDomain).toList();
    }
}
