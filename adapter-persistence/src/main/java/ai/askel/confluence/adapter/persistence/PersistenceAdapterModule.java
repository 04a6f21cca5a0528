package ai.askel.confluence.adapter.persistence;

import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.ports.out.ApiKeyRepositoryPort;
import ai.askel.confluence.ports.out.AuditLogPort;
import ai.askel.confluence.ports.out.ConnectionPreferencesPort;
import ai.askel.confluence.ports.out.ClusterSchedulerPort;
import ai.askel.confluence.ports.out.ConnectionRepositoryPort;
import ai.askel.confluence.ports.out.DriftFindingRepositoryPort;
import ai.askel.confluence.ports.out.DriftScanStatusPort;
import ai.askel.confluence.ports.out.HealthCheckPort;
import ai.askel.confluence.ports.out.IdempotencyRepositoryPort;
import ai.askel.confluence.ports.out.JobRepositoryPort;
import ai.askel.confluence.ports.out.ManagedPageRepositoryPort;
import ai.askel.confluence.ports.out.MasterKey;
import ai.askel.confluence.ports.out.MasterKeyRotationPort;
import ai.askel.confluence.ports.out.RunbookRepositoryPort;
import ai.askel.confluence.ports.out.SecretCipherPort;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import ai.askel.confluence.ports.out.WorkspaceRepositoryPort;
import dagger.Binds;
import dagger.BindsOptionalOf;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The persistence adapter: every repository port, the secret cipher, master key rotation and the
 * database health check, and the cluster's job queue and recurring tasks (db-scheduler), over one HikariCP
 * pool. Needs a {@link PersistenceSettings} and a {@link SchedulerSettings} in the graph.
 * Ask the component for {@link PersistenceLifecycle} at start (it migrates and checks the key) and
 * close it at shutdown.
 */
@Module
public abstract class PersistenceAdapterModule {
    /**
     * How long a request waits for a free connection before failing. Transactions take
     * milliseconds, so waiting longer only hides an exhausted or unreachable database.
     */
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);

    private PersistenceAdapterModule() {
    }

    @Binds
    abstract ConnectionRepositoryPort connections(ConnectionRepositoryAdapter adapter);

    @Binds
    abstract ApiKeyRepositoryPort apiKeys(ApiKeyRepositoryAdapter adapter);

    @Binds
    abstract WorkspaceRepositoryPort workspaces(WorkspaceRepositoryAdapter adapter);

    /** A host that embeds the connector may bind its database, history table and migration choice; else the defaults. */
    @BindsOptionalOf
    abstract HostDatabaseSettings hostDatabase();

    @Binds
    abstract RunbookRepositoryPort runbooks(RunbookRepositoryAdapter adapter);

    @Binds
    abstract ManagedPageRepositoryPort managedPages(ManagedPageRepositoryAdapter adapter);

    @Binds
    abstract IdempotencyRepositoryPort idempotency(IdempotencyRepositoryAdapter adapter);

    @Binds
    abstract AuditLogPort auditLog(AuditLogAdapter adapter);

    @Binds
    abstract ConnectionPreferencesPort connectionPreferences(ConnectionPreferencesAdapter adapter);

    @Binds
    abstract DriftFindingRepositoryPort driftFindings(DriftFindingRepositoryAdapter adapter);

    @Binds
    abstract DriftScanStatusPort driftScanStatus(DriftScanStatusAdapter adapter);

    @Binds
    abstract JobRepositoryPort jobs(JobRepositoryAdapter adapter);

    @Binds
    abstract ClusterSchedulerPort clusterScheduler(DbSchedulerAdapter adapter);

    @Binds
    abstract SecretCipherPort secretCipher(AesGcmSecretCipherAdapter cipher);

    @Binds
    abstract MasterKeyRotationPort masterKeyRotation(MasterKeyRotationAdapter adapter);

    @Binds
    abstract HealthCheckPort databaseHealth(DatabaseHealthAdapter check);

    /** The host's database when it gave one, else the connector's own pool (opened only then). */
    @Provides
    @Singleton
    static DataSource dataSource(Optional<HostDatabaseSettings> host, Provider<HikariDataSource> pool) {
        return host.flatMap(HostDatabaseSettings::dataSource).orElseGet(pool::get);
    }

    /**
     * HikariCP rather than the drivers' own pools: H2's JdbcConnectionPool and PgJDBC's
     * PGConnectionPoolDataSource neither validate connections nor bound the wait for one, while
     * Hikari does both, replaces connections a PostgreSQL restart broke, and is the smallest
     * dependency that does. The pool has a fixed size (Hikari's advice), the settings' pool size
     * ({@code ASKEL_DATABASE_POOL_SIZE}, by default {@link PersistenceSettings#DEFAULT_POOL_SIZE}): no transaction spans a
     * Confluence call, so a handful of connections serves many concurrent requests, and N instances times the size stays
     * below PostgreSQL's default max_connections of 100.
     */
    @Provides
    @Singleton
    static HikariDataSource pool(PersistenceSettings settings, Optional<HostDatabaseSettings> host) {
        return pool(settings, host.orElseGet(HostDatabaseSettings::defaults));
    }

    /**
     * The pool, opened on a database that exists: a new embedded database is created first, its schema with it when
     * the connector migrates its own ({@link FreshEmbeddedDatabase}, into the history table the settings name).
     */
    static HikariDataSource pool(PersistenceSettings settings, HostDatabaseSettings schema) {
        StatementEvents.registerInBackground();
        HikariConfig config = new HikariConfig();
        config.setPoolName("askel-db");
        config.setJdbcUrl(settings.effectiveJdbcUrl());
        settings.user().ifPresent(config::setUsername);
        settings.password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        durableCommitsOnPostgres(settings).ifPresent(config::setConnectionInitSql);
        try {
            if (settings.isEmbedded()) {
                DataDirectory.prepare(settings.dataDirectory());
                if (schema.migrate()) {
                    createIfMissing(settings, schema.historyTable());
                }
            }
            HikariDataSource pool = new HikariDataSource(config);
            if (settings.isEmbedded()) {
                DataDirectory.restrictDatabaseFiles(settings.dataDirectory());
            }
            return pool;
        } catch (ConnectorException e) {
            throw e;
        } catch (java.io.IOException | RuntimeException e) {
            throw new ConnectorException(ErrorCode.INTERNAL, "cannot open %s: %s%s".formatted(describe(settings), rootMessage(e),
                    settings.isEmbedded() && inUse(e) ? "; the embedded database serves one process: if `serve` runs on this data"
                            + " directory, act through its HTTP API or stop it first, and run several instances on PostgreSQL" : ""),
                    null, e);
        }
    }

    /** The database as a message names it (a JDBC URL without its parameters, which may carry a password). */
    private static String describe(PersistenceSettings settings) {
        return settings.isEmbedded() ? "the embedded database in " + settings.dataDirectory().toAbsolutePath().normalize()
                : "the database " + settings.jdbcUrl().map(PersistenceSettings::shownJdbcUrl).orElse("");
    }

    /** Whether H2 refused because another process holds the database file (its lock). */
    static boolean inUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getErrorCode() == org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1) {
                return true;
            }
        }
        return false;
    }

    private static void createIfMissing(PersistenceSettings settings, String historyTable) throws java.io.IOException {
        try {
            FreshEmbeddedDatabase.createIfMissing(settings, historyTable, PersistenceAdapterModule.class.getClassLoader());
        } catch (java.sql.SQLException e) {
            throw new ConnectorException(ErrorCode.INTERNAL, "creating the embedded database in %s failed: %s"
                    .formatted(settings.dataDirectory(), rootMessage(e)), null, e);
        }
    }

    /**
     * On PostgreSQL a commit returns once its WAL record is flushed to disk only while
     * {@code synchronous_commit} is not {@code off}. It is {@code on} by default, but a server, database or
     * role setting may have turned it off to go faster; every pooled connection turns it back on
     * (keeping {@code local} or a stricter {@code remote_write}/{@code remote_apply} a replicated setup chose), so an
     * answer is never sent for a write a server crash could still take back.
     */
    static java.util.Optional<String> durableCommitsOnPostgres(PersistenceSettings settings) {
        return settings.jdbcUrl().filter(url -> url.startsWith("jdbc:postgresql:"))
                .map(url -> "SELECT CASE WHEN current_setting('synchronous_commit') = 'off'"
                        + " THEN set_config('synchronous_commit', 'on', false) END");
    }

    /** JDBI over the pool, created once the schema is migrated; row records are mapped by {@link RowRecordMappers}. */
    @Provides
    @Singleton
    static Jdbi jdbi(DataSource dataSource, Optional<HostDatabaseSettings> host) {
        SchemaMigrator.migrate(dataSource, host.orElseGet(HostDatabaseSettings::defaults));
        return Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()).registerRowMapper(new RowRecordMappers());
    }

    @Provides
    @Singleton
    static MasterKeySource masterKeySource(PersistenceSettings settings) {
        return new MasterKeySource(settings);
    }

    /** The cipher with the configured master key, refusing to start if the stored tokens were encrypted with another. */
    @Provides
    @Singleton
    static AesGcmSecretCipherAdapter cipher(MasterKeySource keys, Database db) {
        Set<String> stored = new TreeSet<>(db.with(ConnectionDao.class, ConnectionDao::keyIds));
        MasterKey key = keys.load(stored);
        stored.remove(key.id());
        if (!stored.isEmpty()) {
            throw new ConnectorException(ErrorCode.SECRET_KEY_MISMATCH, ("the database holds API tokens encrypted with master key %s,"
                    + " but the configured master key is '%s': configure the key they were encrypted with (%s)").formatted(
                    String.join(", ", stored.stream().map(id -> "'" + id + "'").toList()), key.id(),
                    keys.isFileBacked() ? keys.where() + " was replaced or belongs to another database" : keys.where()));
        }
        AesGcmSecretCipherAdapter cipher = new AesGcmSecretCipherAdapter(key);
        bindStoredTokens(db, cipher);
        return cipher;
    }

    /**
     * Re-encrypts the tokens stored before ciphertexts were bound to their row (associated data: key id
     * only) with the binding (key id, connection id, purpose), in one transaction at start.
     */
    static void bindStoredTokens(Database db, AesGcmSecretCipherAdapter cipher) {
        int bound = db.inTransaction(h -> {
            ConnectionDao dao = h.attach(ConnectionDao.class);
            List<ConnectionRow> rows = dao.lockUnbound();
            for (ConnectionRow row : rows) {
                ai.askel.confluence.domain.Secret token = cipher.decrypt(row.token());
                dao.updateToken(row.withBoundToken(cipher.encrypt(token, ai.askel.confluence.ports.out.SecretBinding.apiTokenOf(row.id()))));
            }
            return rows.size();
        });
        if (bound > 0) {
            org.slf4j.LoggerFactory.getLogger(PersistenceAdapterModule.class)
                    .info("Bound {} stored API tokens to their connection (re-encrypted with the connection id as associated data)", bound);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
