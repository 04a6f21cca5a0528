package ai.askel.confluence.adapter.persistence;

import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the schema to the latest version with Flyway, recording the connector's migrations in their own history table
 * ({@link HostDatabaseSettings#historyTable()}), so a host's database with a Flyway history of its own is left alone.
 *
 * <p>Installations from before the connector had its own table recorded its migrations in Flyway's default
 * {@value #LEGACY_TABLE}. When the connector's table is missing but the legacy one holds the connector's migrations
 * (successful, and matching the scripts shipped), the new table starts with a baseline at the highest of them and
 * only later migrations run; the legacy table is left as it is (it may hold a host's history too). A schema that holds
 * other tables but no history of the connector gets the connector's tables beside them (a baseline at version 0).
 *
 * <p>When the history already records every shipped migration, successful and unchanged, and nothing else
 * ({@link SchemaUpToDateCheck}), Flyway is not started at all: it would find nothing to apply or refuse, and loading it
 * is a large part of a restart. Every other state goes through Flyway exactly as before.
 */
final class SchemaMigrator {
    static final String LEGACY_TABLE = "flyway_schema_history";
    /**
     * Where the connector's migrations are: not Flyway's default {@code db/migration}, which a host's own Flyway
     * (Spring Boot's too) scans, and would then apply the connector's scripts into the host's history.
     */
    static final String LOCATION = "classpath:ai/askel/confluence/db/migration";
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    private SchemaMigrator() {
    }

    static void migrate(DataSource dataSource, HostDatabaseSettings host) {
        if (!host.migrate()) {
            LOG.info("schema migrations are left to the host (history table {})", host.historyTable());
            return;
        }
        if (SchemaUpToDateCheck.isUpToDate(dataSource, host.historyTable())) {
            LOG.debug("schema up to date (history table {} records every migration shipped): Flyway not started", host.historyTable());
            return;
        }
        try {
            Flyway flyway = configured(dataSource, host.historyTable()).baselineOnMigrate(true).baselineVersion("0").load();
            if (!host.historyTable().equalsIgnoreCase(LEGACY_TABLE) && !tableExists(dataSource, host.historyTable())) {
                legacyVersion(dataSource).ifPresent(version -> adopt(dataSource, host.historyTable(), version));
            }
            flyway.migrate();
        } catch (FlywayException e) {
            throw new ConnectorException(ErrorCode.INTERNAL, "migrating the database schema failed: " + e.getMessage(), null, e);
        }
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration configured(DataSource dataSource, String table) {
        return Flyway.configure().dataSource(dataSource).locations(LOCATION).table(table).failOnMissingLocations(true);
    }

    /** The highest version of the connector's own migrations recorded in the legacy table, if that table holds them. */
    private static Optional<MigrationVersion> legacyVersion(DataSource dataSource) {
        if (!tableExists(dataSource, LEGACY_TABLE) || !tableExists(dataSource, "api_key")) {
            return Optional.empty();
        }
        MigrationInfo[] all = configured(dataSource, LEGACY_TABLE).load().info().all();
        return Arrays.stream(all)
                .filter(m -> m.getState() == MigrationState.SUCCESS && m.getVersion() != null && m.getScript() != null
                        && m.getScript().endsWith(".sql"))
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder());
    }

    private static void adopt(DataSource dataSource, String table, MigrationVersion version) {
        LOG.info("the connector's migrations up to version {} are recorded in {}; {} takes over from there ({} is left as it is)",
                version, LEGACY_TABLE, table, LEGACY_TABLE);
        configured(dataSource, table).baselineVersion(version).baselineDescription("adopted from " + LEGACY_TABLE).load().baseline();
    }

    /** Whether a table of this name exists in the connection's current schema (unquoted names: any case). */
    static boolean tableExists(DataSource dataSource, String table) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String schema = connection.getSchema();
            for (String name : new String[] {table, table.toLowerCase(java.util.Locale.ROOT), table.toUpperCase(java.util.Locale.ROOT)}) {
                try (ResultSet tables = meta.getTables(connection.getCatalog(), schema, name, new String[] {"TABLE"})) {
                    if (tables.next()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new ConnectorException(ErrorCode.INTERNAL, "cannot read the database's tables: " + e.getMessage(), null, e);
        }
    }
}
