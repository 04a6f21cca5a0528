package ai.askel.confluence.adapter.persistence;

import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftFindingId;
import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.ports.out.DriftFindingRepositoryPort;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Drift findings; a unique constraint keeps one open finding per (connection, page, kind), resolved ones stay as history. */
@Singleton
final class DriftFindingRepositoryAdapter implements DriftFindingRepositoryPort {
    private final Database db;
    private final PersistenceMapper mapper;

    @Inject
    DriftFindingRepositoryAdapter(Database db, PersistenceMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    @Override
    public DriftFinding recordSeen(DriftFinding finding) {
        DriftFindingRow row = mapper.toRow(finding);
        try {
            return db.upsert(h -> {
                DriftFindingDao dao = h.attach(DriftFindingDao.class);
                if (dao.updateOpen(row) == 0) {
                    dao.insertOpen(row);
                }
                return dao.findOpen(row.connectionId(), row.pageId(), row.kind()).map(mapper::toDomain).orElseThrow();
            });
        } catch (RuntimeException e) {
            if (SqlErrors.isMissingParent(e)) {
                throw new NotFoundException("connection %s does not exist".formatted(finding.connection()));
            }
            throw e;
        }
    }

    @Override
    public boolean resolve(ConnectionId connection, Optional<PageId> page, DriftKind kind, Instant at) {
        return db.with(DriftFindingDao.class,
                dao -> dao.resolve(connection.value(), PersistenceMapper.pageColumn(page), kind.name(), at)) > 0;
    }

    @Override
    public Optional<DriftFinding> find(ConnectionId connection, DriftFindingId id) {
        return db.with(DriftFindingDao.class, dao -> dao.findById(connection.value(), id.value())).map(mapper::toDomain);
    }

    @Override
    public Optional<DriftFinding> acknowledge(ConnectionId connection, DriftFindingId id, Instant at) {
        return db.inTransaction(h -> {
            DriftFindingDao dao = h.attach(DriftFindingDao.class);
            dao.acknowledge(connection.value(), id.value(), at);
            return dao.findById(connection.value(), id.value()).map(mapper::toDomain);
        });
    }

    @Override
    public List<DriftFinding> listOpen(ConnectionId connection) {
        return db.with(DriftFindingDao.class, dao -> dao.listOpen(connection.value())).stream().map(mapper::toDomain).toList();
    }

    @Override
    public List<DriftFinding> listOpen(ConnectionId connection, PageId page) {
        return db.with(DriftFindingDao.class, dao -> dao.listOpenOfPage(connection.value(), page.value())).stream()
                .map(mapper::toDomain).toList();
    }

    @Override
    public List<DriftFinding> listOpen(WorkspaceId workspace) {
        return db.with(DriftFindingDao.class, dao -> dao.listOpenInWorkspace(workspace.value())).stream().map(mapper::toDomain).toList();
    }
}
