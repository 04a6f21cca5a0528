package ai.askel.confluence.adapter.persistence;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jdbi.v3.core.Jdbi;

/**
 * The persistence adapter's start and stop. Getting it from the component opens the pool, migrates
 * the schema and checks the master key against the stored tokens, so a misconfiguration fails at
 * start rather than at the first request; {@link #close()} closes the pool (and with it the
 * embedded database) at shutdown.
 */
@Singleton
public final class PersistenceLifecycle implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final DatabaseHealthAdapter healthCheck;
    private final DbSchedulerAdapter scheduler;

    /** {@code migrated} and {@code keyChecked} are asked for only so that getting this object runs the migration and the key check. */
    @Inject
    PersistenceLifecycle(HikariDataSource dataSource, Jdbi migrated, AesGcmSecretCipherAdapter keyChecked, DatabaseHealthAdapter healthCheck,
                         DbSchedulerAdapter scheduler) {
        this.scheduler = scheduler;
        this.dataSource = dataSource;
        this.healthCheck = healthCheck;
    }

    /** Stops this instance's worker (if started), then closes the connection pool; the adapters fail afterwards. Calling it again does nothing. */
    @Override
    public void close() {
        scheduler.stop();
        healthCheck.close();
        dataSource.close();
    }
}
