package ai.askel.confluence.adapter.persistence;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leaves no copy of a replaced or deleted API token's ciphertext in the embedded database's file. H2's store never
 * overwrites in place: every commit writes the changed pages to a new chunk, and older chunks keep the old ciphertext
 * until H2 writes over their space or cuts it off the file. After a token changed (credentials rotated, a connection
 * removed, the master key rotated) this has {@link EmbeddedStore#scrub} compact the file until a read of the file finds
 * none of the old ciphertexts, and warns if one may still be there when its time runs out. {@code SecretsAtRestTest} scans
 * the file afterwards. On PostgreSQL old row versions stay until {@code VACUUM} (docs/persistence.md).
 */
@Singleton
final class SecretScrubber {
    /**
     * A scrub of the connector's usual file takes milliseconds; one that cannot finish gets this long, during most of
     * which H2's compaction steps make commits wait.
     */
    static final Duration MAX_SCRUB = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(SecretScrubber.class);

    private final HikariDataSource dataSource;
    private final boolean embedded;

    @Inject
    SecretScrubber(HikariDataSource dataSource, PersistenceSettings settings) {
        this.dataSource = dataSource;
        this.embedded = settings.isEmbedded();
    }

    /** Called after the commit that replaced or deleted the secrets whose ciphertexts are {@code retired}. */
    void afterSecretChange(Collection<byte[]> retired) {
        if (!embedded || retired.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            EmbeddedStore.Scrub outcome = EmbeddedStore.scrub(c, retired, MAX_SCRUB);
            if (outcome == EmbeddedStore.Scrub.NOT_CLEARED) {
                LOG.warn("An old API token's ciphertext may still be in the database file after {} ms of compacting; it stays until"
                        + " H2 writes over that part of the file", (System.nanoTime() - started) / 1_000_000);
            } else {
                LOG.debug("scrubbed the database file after a secret changed in {} ms", (System.nanoTime() - started) / 1_000_000);
            }
        } catch (SQLException | RuntimeException e) {
            // the write itself is committed; the old ciphertext stays until H2 writes over it
            LOG.warn("Could not compact the database file after a secret changed ({}); the old ciphertext may stay in it until H2"
                    + " writes over that part of the file", e.getClass().getSimpleName());
        }
    }
}
