package ai.askel.confluence.adapter.persistence;

import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.Runbook;
import ai.askel.confluence.domain.RunbookId;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.ConflictException;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.ports.out.AuditEvent;
import ai.askel.confluence.ports.out.ManagedPage;
import ai.askel.confluence.ports.out.RunbookRepositoryPort;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * Runbooks with optimistic locking: an update names the revision it was based on, and the row
 * changes only if that is still the stored one ({@code UPDATE ... WHERE revision = ?}), so of two
 * concurrent writers exactly one wins, on one instance or many.
 */
@Singleton
final class RunbookRepositoryAdapter implements RunbookRepositoryPort {
    private final Database db;
    private final PersistenceMapper mapper;

    @Inject
    RunbookRepositoryAdapter(Database db, PersistenceMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    @Override
    public Runbook insertOrGet(Runbook runbook) {
        RunbookRow row = mapper.toRow(runbook, 1);
        try {
            db.with(RunbookDao.class, dao -> {
                dao.insert(row);
                return null;
            });
            return runbook.atRevision(1);
        } catch (RuntimeException e) {
            if (SqlErrors.isMissingParent(e)) {
                throw new NotFoundException("connection %s does not exist".formatted(runbook.connection()));
            }
            if (!SqlErrors.isUniqueViolation(e)) {
                throw e;
            }
            return findByTarget(runbook.connection(), runbook.space(), runbook.title())
                    .orElseThrow(() -> new ConflictException("runbook %s exists already for another page".formatted(runbook.id())));
        }
    }

    @Override
    public Runbook update(Runbook runbook) {
        long next = runbook.revision() + 1;
        RunbookRow row = mapper.toRow(runbook, next);
        int updated = db.with(RunbookDao.class, dao -> dao.update(row, runbook.revision()));
        return saved(runbook, next, updated == 1);
    }

    @Override
    public Runbook updatePublished(Runbook runbook, ManagedPage page, List<AuditEvent> reports) {
        long next = runbook.revision() + 1;
        RunbookRow row = mapper.toRow(runbook, next);
        ManagedPageRow pageRow = mapper.toRow(page);
        List<AuditEventRow> reportRows = reports.stream().map(mapper::toRow).toList();
        boolean updated;
        try {
            // the runbook's row first: a moved-on revision writes nothing, and the row, once updated, stays locked until
            // the page is saved too, so no other publish of this runbook saves in between
            updated = db.upsert(h -> {
                if (h.attach(RunbookDao.class).update(row, runbook.revision()) != 1) {
                    return false;
                }
                ManagedPageRepositoryAdapter.upsert(h, pageRow);
                reportRows.forEach(report -> AuditLogAdapter.insert(h, report));
                return true;
            });
        } catch (RuntimeException e) {
            if (SqlErrors.isMissingParent(e)) {
                throw new NotFoundException("connection %s does not exist".formatted(page.connection()));
            }
            throw e;
        }
        return saved(runbook, next, updated);
    }

    /** The runbook at its next revision if it was saved; otherwise why not. */
    private Runbook saved(Runbook runbook, long next, boolean updated) {
        if (updated) {
            return runbook.atRevision(next);
        }
        Optional<Long> stored = db.with(RunbookDao.class, dao -> dao.revision(runbook.workspace().value(), runbook.id().value()));
        if (stored.isEmpty()) {
            throw new NotFoundException("runbook %s does not exist".formatted(runbook.id()));
        }
        throw new ConflictException(("runbook %s was changed concurrently: it is at revision %d, but this change was based on"
                + " revision %d; load it again and retry").formatted(runbook.id(), stored.get(), runbook.revision()));
    }

    @Override
    public Optional<Runbook> find(WorkspaceId workspace, RunbookId id) {
        return db.with(RunbookDao.class, dao -> dao.find(workspace.value(), id.value())).map(mapper::toDomain);
    }

    @Override
    public Optional<Runbook> findByTarget(ConnectionId connection, SpaceKey space, Title title) {
        return db.with(RunbookDao.class, dao -> dao.findByTarget(connection.value(), space.value(), title.value()))
                .map(mapper::toDomain);
    }

    @Override
    public List<Runbook> listByConnection(ConnectionId connection) {
        return db.with(RunbookDao.class, dao -> dao.listByConnection(connection.value())).stream().map(mapper::toDomain).toList();
    }
}
