package ai.askel.confluence.adapter.persistence;

import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.ports.out.ManagedPage;
import ai.askel.confluence.ports.out.ManagedPageRepositoryPort;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Managed pages; the primary key (connection, page id) makes a second record of one page impossible. */
@Singleton
final class ManagedPageRepositoryAdapter implements ManagedPageRepositoryPort {
    private final Database db;
    private final PersistenceMapper mapper;

    @Inject
    ManagedPageRepositoryAdapter(Database db, PersistenceMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    @Override
    public void save(ManagedPage page) {
        ManagedPageRow row = mapper.toRow(page);
        try {
            db.upsert(h -> {
                upsert(h, row);
                return null;
            });
        } catch (RuntimeException e) {
            if (SqlErrors.isMissingParent(e)) {
                throw new NotFoundException("connection %s does not exist".formatted(page.connection()));
            }
            throw e;
        }
    }

    /** Updates the page's row, or inserts it when there is none; for a transaction of {@link Database#upsert}. */
    static void upsert(Handle h, ManagedPageRow row) {
        ManagedPageDao dao = h.attach(ManagedPageDao.class);
        if (dao.update(row) == 0) {
            dao.insert(row);
        }
    }

    @Override
    public Optional<ManagedPage> find(ConnectionId connection, PageId pageId) {
        return db.with(ManagedPageDao.class, dao -> dao.find(connection.value(), pageId.value())).map(mapper::toDomain);
    }

    @Override
    public Optional<ManagedPage> findByTitle(ConnectionId connection, SpaceKey space, Title title) {
        return db.with(ManagedPageDao.class, dao -> dao.findByTitle(connection.value(), space.value(), title.value()))
                .map(mapper::toDomain);
    }

    @Override
    public List<ManagedPage> listByConnection(ConnectionId connection) {
        return db.with(ManagedPageDao.class, dao -> dao.listByConnection(connection.value())).stream().map(mapper::toDomain).toList();
    }

    @Override
    public boolean delete(ConnectionId connection, PageId pageId) {
        return db.with(ManagedPageDao.class, dao -> dao.delete(connection.value(), pageId.value())) > 0;
    }
}
