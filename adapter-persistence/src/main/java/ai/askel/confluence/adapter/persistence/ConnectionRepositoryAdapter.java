package ai.askel.confluence.adapter.persistence;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.ConflictException;
import ai.askel.confluence.ports.out.ConnectionRepositoryPort;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** Connections; the API token is encrypted by the mapper before it reaches a row. */
@Singleton
final class ConnectionRepositoryAdapter implements ConnectionRepositoryPort {
    private final Database db;
    private final PersistenceMapper mapper;
    private final AesGcmSecretCipherAdapter cipher;
    private final SecretScrubber scrubber;
    private final ConnectionCache cache;

    @Inject
    ConnectionRepositoryAdapter(Database db, PersistenceMapper mapper, AesGcmSecretCipherAdapter cipher, SecretScrubber scrubber,
                                PersistenceSettings settings) {
        this.db = db;
        this.mapper = mapper;
        this.cipher = cipher;
        this.scrubber = scrubber;
        this.cache = new ConnectionCache(settings.connectionCacheTtl());
    }

    @Override
    public void save(Connection connection) {
        cache.forget(connection.workspace(), connection.id());
        Optional<byte[]> replaced;
        try {
            replaced = cipher.underCurrentKey(() -> write(connection));
        } finally {
            cache.forget(connection.workspace(), connection.id());
        }
        replaced.ifPresent(ciphertext -> scrubber.afterSecretChange(List.of(ciphertext)));
    }

    /** Answers the ciphertext of the token the write replaced, if an existing row's token was replaced by another one. */
    private Optional<byte[]> write(Connection connection) {
        ConnectionRow row = mapper.toRow(connection);
        try {
            return db.upsert(h -> {
                ConnectionDao dao = h.attach(ConnectionDao.class);
                Optional<ConnectionRow> before = dao.lock(row.workspaceId(), row.id());
                if (dao.update(row) == 0) {
                    dao.insert(row);
                    return Optional.empty();
                }
                return before.filter(old -> !mapper.toDomain(old).apiToken().reveal().equals(connection.apiToken().reveal()))
                        .map(ConnectionRow::tokenCiphertext);
            });
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolationOf(e, "connection_workspace_name")) {
                throw Connection.nameTaken(connection.name());
            }
            if (SqlErrors.isUniqueViolation(e)) {
                throw new ConflictException("connection %s already exists in another workspace".formatted(connection.id()));
            }
            throw e;
        }
    }

    // reads decrypt under the read lock too, so none sees rows a rotation just committed with the old key still current
    @Override
    public Optional<Connection> find(WorkspaceId workspace, ConnectionId id) {
        return cache.find(workspace, id, () -> cipher.underCurrentKey(() -> db.with(ConnectionDao.class,
                dao -> dao.find(workspace.value(), id.value())).map(mapper::toDomain)));
    }

    @Override
    public List<Connection> list(WorkspaceId workspace) {
        return cipher.underCurrentKey(() -> db.with(ConnectionDao.class, dao -> dao.list(workspace.value())).stream()
                .map(mapper::toDomain).toList());
    }

    @Override
    public List<Connection> listAll() {
        return cipher.underCurrentKey(() -> db.with(ConnectionDao.class, ConnectionDao::listAll).stream()
                .map(mapper::toDomain).toList());
    }

    /** Runbooks, managed pages and drift findings go with it (ON DELETE CASCADE), in the same statement. */
    @Override
    public boolean delete(WorkspaceId workspace, ConnectionId id) {
        cache.forget(workspace, id);
        Optional<byte[]> deleted;
        try {
            deleted = db.inTransaction(h -> {
                ConnectionDao dao = h.attach(ConnectionDao.class);
                Optional<byte[]> token = dao.lock(workspace.value(), id.value()).map(ConnectionRow::tokenCiphertext);
                if (token.isPresent()) {
                    dao.delete(workspace.value(), id.value()); // the row is locked: it is there to delete
                }
                return token;
            });
        } finally {
            cache.forget(workspace, id);
        }
        deleted.ifPresent(ciphertext -> scrubber.afterSecretChange(List.of(ciphertext)));
        return deleted.isPresent();
    }
}
