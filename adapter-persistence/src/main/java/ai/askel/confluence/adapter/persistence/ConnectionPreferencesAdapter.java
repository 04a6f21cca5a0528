package ai.askel.confluence.adapter.persistence;

import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.ports.out.ConnectionPreferencesPort;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/** A connection's default space, one row per connection, deleted with it (foreign key, on delete cascade). */
@Singleton
final class ConnectionPreferencesAdapter implements ConnectionPreferencesPort {
    private final Database db;

    @Inject
    ConnectionPreferencesAdapter(Database db) {
        this.db = db;
    }

    @Override
    public void saveDefaultSpace(ConnectionId connection, SpaceKey space) {
        Instant now = Instant.now();
        db.upsert(h -> {
            ConnectionPreferencesDao dao = h.attach(ConnectionPreferencesDao.class);
            if (dao.update(connection.value(), space.value(), now) == 0) {
                dao.insert(connection.value(), space.value(), now);
            }
            return null;
        });
    }

    @Override
    public Optional<SpaceKey> defaultSpace(ConnectionId connection) {
        return db.with(ConnectionPreferencesDao.class, dao -> dao.find(connection.value())).map(SpaceKey::of);
    }
}
