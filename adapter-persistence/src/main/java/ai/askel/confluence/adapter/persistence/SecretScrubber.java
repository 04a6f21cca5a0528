package ai.askel.confluence.adapter.persistence;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leaves no readable copy of a replaced or deleted API token's ciphertext in the embedded database's
 * file. H2's store never overwrites in place: every commit writes the changed pages to a new chunk, and
 * the chunks holding the old ciphertext stay in {@code askel.mv.db} until H2 compacts the file, which
 * it otherwise does only now and then and at close. After a token changed (credentials rotated, a
 * connection removed, the master key rotated) this compacts the file at once, which rewrites the live
 * data and drops the old chunks; {@code SecretsAtRestTest} scans the file afterwards. On PostgreSQL
 * old row versions stay until {@code VACUUM} (docs/persistence.md).
 */
@Singleton
final class SecretScrubber {
    /** A compaction of the connector's small file takes well under a second; a large one gets this long. */
    static final Duration MAX_COMPACTION = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(SecretScrubber.class);

    private final HikariDataSource dataSource;
    private final boolean embedded;

    @Inject
    SecretScrubber(HikariDataSource dataSource, PersistenceSettings settings) {
        this.dataSource = dataSource;
        this.embedded = settings.isEmbedded();
    }

    /** Called after the commit that replaced or deleted a secret. */
    void afterSecretChange() {
        if (!embedded) {
            return;
        }
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            if (EmbeddedStore.compact(c, MAX_COMPACTION)) {
                LOG.debug("compacted the database file after a secret changed in {} ms", (System.nanoTime() - started) / 1_000_000);
            }
        } catch (SQLException | RuntimeException e) {
            // the write itself is committed; the old ciphertext goes at the next compaction (at the latest when the database closes)
            LOG.warn("Could not compact the database file after a secret changed ({}); the old ciphertext stays in it until the next"
                    + " compaction", e.getClass().getSimpleName());
        }
    }
}
