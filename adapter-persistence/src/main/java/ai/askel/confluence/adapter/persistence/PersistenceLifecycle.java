package ai.askel.confluence.adapter.persistence;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * The persistence adapter's start and stop. Getting it from the component opens the pool, migrates
 * the schema and checks the master key against the stored tokens, so a misconfiguration fails at
 * start rather than at the first request; {@link #close()} closes the pool (and with it the
 * embedded database) at shutdown.
 */
@Singleton
public final class PersistenceLifecycle implements AutoCloseable {
    private final DataSource dataSource;
    private final boolean ownPool;
    private final DatabaseHealthAdapter healthCheck;
    private final PersistenceSettings settings;
    private final DbSchedulerAdapter scheduler;
    private final EmbeddedStoreCompaction compaction;

    /** {@code migrated} and {@code keyChecked} are asked for only so that getting this object runs the migration and the key check. */
    @Inject
    PersistenceLifecycle(DataSource dataSource, Optional<HostDatabaseSettings> host, Jdbi migrated, AesGcmSecretCipherAdapter keyChecked,
                         DatabaseHealthAdapter healthCheck, PersistenceSettings settings, DbSchedulerAdapter scheduler,
                         EmbeddedStoreCompaction compaction) {
        this.scheduler = scheduler;
        this.compaction = compaction;
        this.dataSource = dataSource;
        this.ownPool = host.flatMap(HostDatabaseSettings::dataSource).isEmpty();
        this.healthCheck = healthCheck;
        this.settings = settings;
        compaction.start();
    }

    /**
     * Stops this instance's job worker (if started) and the embedded database's compaction, then closes the connection
     * pool the connector opened (a host's own database stays open: it is the host's); the adapters fail afterwards.
     * Calling it again does nothing.
     */
    @Override
    public void close() {
        scheduler.stop();
        compaction.close();
        healthCheck.close();
        if (ownPool && dataSource instanceof HikariDataSource pool) {
            pool.close();
            if (settings.isEmbedded()) {
                DataDirectory.restrictDatabaseFiles(settings.dataDirectory()); // a trace file H2 wrote meanwhile
            }
        }
    }
}
