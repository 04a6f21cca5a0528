package ai.askel.confluence.adapter.persistence;

import ai.askel.confluence.domain.error.InvalidInputException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * How the connector fits into a host's database. With a {@code dataSource} the host's own pool is used (the connector
 * neither opens nor closes one, and {@link PersistenceSettings}' JDBC URL is not read); Flyway records the connector's
 * migrations in {@code historyTable}, so they never mix with the host's own Flyway history; and with {@code migrate}
 * false the connector leaves its schema to the host (it then expects the scripts of {@code ai/askel/confluence/db/migration} in this jar applied).
 *
 * @param dataSource   the host's database, instead of the pool the connector would open
 * @param historyTable the table of the connector's Flyway history (default {@value #DEFAULT_HISTORY_TABLE})
 * @param migrate      whether the connector migrates its schema at start
 * @param executor     runs the database health probes (each with its deadline) instead of a small daemon pool of the
 *                     connector's own; the host owns it and shuts it down
 */
public record HostDatabaseSettings(Optional<DataSource> dataSource, String historyTable, boolean migrate, Optional<Executor> executor) {
    public static final String DEFAULT_HISTORY_TABLE = "askel_schema_history";
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    public HostDatabaseSettings {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(historyTable, "historyTable");
        Objects.requireNonNull(executor, "executor");
        if (!TABLE_NAME.matcher(historyTable).matches()) {
            throw InvalidInputException.of("historyTable", "must be a plain SQL table name (letters, digits, _; at most 63)");
        }
    }

    /** The connector's own pool, its own history table, migrated at start. */
    public static HostDatabaseSettings defaults() {
        return new HostDatabaseSettings(Optional.empty(), DEFAULT_HISTORY_TABLE, true, Optional.empty());
    }

    public HostDatabaseSettings withDataSource(DataSource hostDataSource) {
        return new HostDatabaseSettings(Optional.of(hostDataSource), historyTable, migrate, executor);
    }

    public HostDatabaseSettings withHistoryTable(String table) {
        return new HostDatabaseSettings(dataSource, table, migrate, executor);
    }

    public HostDatabaseSettings withMigrate(boolean migrateAtStart) {
        return new HostDatabaseSettings(dataSource, historyTable, migrateAtStart, executor);
    }

    public HostDatabaseSettings withExecutor(Executor hostExecutor) {
        return new HostDatabaseSettings(dataSource, historyTable, migrate, Optional.of(hostExecutor));
    }

    @Override
    public String toString() {
        return "HostDatabaseSettings[dataSource=" + dataSource.map(d -> "(the host's)").orElse("(the connector's pool)")
                + ", historyTable=" + historyTable + ", migrate=" + migrate + ", executor=" + executor.map(e -> "(the host's)").orElse("(own)") + "]";
    }
}
