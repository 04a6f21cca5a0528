package ai.askel.confluence.adapter.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * The embedded H2 database's store, reached through a pooled connection. No public H2 API compacts an open file
 * database, so this goes through H2's own classes ({@code SessionLocal}, {@code MVStore}); the tests that compact
 * fail at once if an H2 upgrade moves them.
 */
final class EmbeddedStore {
    private EmbeddedStore() {
    }

    /**
     * Compacts the file of the embedded database {@code connection} belongs to, for at most {@code max}: H2 rewrites the
     * live data and drops the chunks nothing needs. Answers false, doing nothing, for any other database.
     * {@code compactFile} sets the store's retention time to 0 for good; left so, H2 reuses the space of chunks that
     * recovery after a kill may still need, and the last answered commits can be lost (the crash test caught it), so it
     * is restored. Compactions take turns, so none restores the 0 another one set.
     */
    static synchronized boolean compact(Connection connection, Duration max) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return false;
        }
        MVStore store = session.getDatabase().getStore().getMvStore();
        int retention = store.getRetentionTime();
        try {
            store.compactFile((int) max.toMillis());
        } finally {
            store.setRetentionTime(retention);
        }
        return true;
    }
}
