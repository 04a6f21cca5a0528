package ai.askel.confluence.adapter.persistence;

import ai.askel.confluence.adapter.persistence.SchemaUpToDateCheck.Script;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.RunScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the embedded database of a data directory that has none, without Flyway: the shipped migrations run in
 * version order through H2's own script runner, and the history table records them exactly as Flyway does (its table,
 * its marker row, a row per script with Flyway's checksum). Every later start then finds the schema up to date
 * ({@link SchemaUpToDateCheck}), and a later release's migrations are applied by Flyway on top, as on any database
 * Flyway created. Starting Flyway costs a first start about half a second of CPU (its classes and a scan of the
 * class path), the largest part of the difference between a first start and a restart.
 *
 * <p>All or nothing: the database is built under a temporary name ({@value #CREATING}), written to disk and only then
 * given its name (never over an existing database); a start that dies halfway leaves only the temporary file, which the next start deletes and
 * builds again. Processes starting on one new data directory at once take turns through a lock file
 * ({@value #CREATING}{@code .lock}, left in place): one creates the database, the others find it there. Scripts Flyway
 * would read differently (placeholders) or a location this cannot list leave the creation to Flyway, as before.
 */
final class FreshEmbeddedDatabase {
    /** The name the embedded database is built under until it is complete. */
    static final String CREATING = PersistenceSettings.EMBEDDED_DATABASE_NAME + ".creating";
    /** Flyway's row that marks the history table it created. */
    static final String TABLE_MARKER = "<< Flyway Schema History table created >>";
    private static final String H2_FILE = ".mv.db";
    /** How long a start waits for another process that is creating the same database (it takes well under a second). */
    static final Duration LOCK_WAIT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(FreshEmbeddedDatabase.class);

    private FreshEmbeddedDatabase() {
    }

    /**
     * Creates the embedded database in {@code settings}' data directory with the migrations {@code scripts} holds, when
     * there is none yet; answers whether it did. False, creating nothing, when a database is there, or when Flyway must
     * create it.
     */
    static boolean createIfMissing(PersistenceSettings settings, String historyTable, ClassLoader scripts) throws IOException, SQLException {
        Path directory = settings.dataDirectory().toAbsolutePath().normalize();
        Path database = directory.resolve(PersistenceSettings.EMBEDDED_DATABASE_NAME + H2_FILE);
        if (Files.exists(database)) {
            return false;
        }
        Optional<List<Migration>> migrations = migrations(scripts);
        if (migrations.isEmpty()) {
            return false;
        }
        try (ExclusiveFileLock ignored = ExclusiveFileLock.acquire(directory.resolve(CREATING + ".lock"), LOCK_WAIT)) {
            if (Files.exists(database)) {
                return false; // another process created it while this one waited
            }
            long started = System.nanoTime();
            Path building = directory.resolve(CREATING + H2_FILE);
            deleteLeftovers(directory);
            boolean published;
            try {
                build(settings, directory.resolve(CREATING), historyTable, migrations.get());
                try (FileChannel file = FileChannel.open(building, StandardOpenOption.WRITE)) {
                    file.force(true);
                }
                published = publish(building, database);
            } catch (IOException | SQLException | RuntimeException e) {
                try {
                    deleteLeftovers(directory);
                } catch (IOException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
            deleteLeftovers(directory);
            syncDirectory(directory);
            if (published) {
                LOG.info("Created the database {} with {} migrations in {} ms", database, migrations.get().size(),
                        (System.nanoTime() - started) / 1_000_000);
            }
            return published;
        }
    }

    /**
     * Gives the built file the database's name unless that name is taken, never replacing a database another process
     * (one that does not take the lock: an older release, H2's tools) created meanwhile: a hard link fails at once when
     * the name exists; where the file system has no hard links, a move without replacing does the same.
     */
    static boolean publish(Path building, Path database) throws IOException {
        try {
            Files.createLink(database, building);
            return true;
        } catch (FileAlreadyExistsException taken) {
            return false;
        } catch (UnsupportedOperationException | IOException noHardLinks) {
            try {
                Files.move(building, database);
                return true;
            } catch (FileAlreadyExistsException taken) {
                return false;
            }
        }
    }

    /** A shipped script and its text. */
    record Migration(Script script, String sql) {
    }

    /** The shipped migrations in version order, each with its text; empty when Flyway must run them. */
    static Optional<List<Migration>> migrations(ClassLoader loader) throws IOException {
        Optional<List<Script>> shipped = SchemaUpToDateCheck.shipped(loader);
        if (shipped.isEmpty() || shipped.get().isEmpty()) {
            return Optional.empty();
        }
        List<Migration> migrations = new ArrayList<>();
        for (Script script : shipped.get().stream().sorted(Comparator.comparing(Script::version, SchemaUpToDateCheck::compareVersions)).toList()) {
            byte[] content;
            try (InputStream in = loader.getResourceAsStream(SchemaUpToDateCheck.PATH + "/" + script.script())) {
                if (in == null) {
                    return Optional.empty();
                }
                content = in.readAllBytes();
            }
            String sql = new String(content, StandardCharsets.UTF_8);
            // two locations with one script name, or Flyway's placeholders, which it replaces and H2 would not
            if (SchemaUpToDateCheck.checksum(new ByteArrayInputStream(content)) != script.checksum() || sql.contains("${")) {
                return Optional.empty();
            }
            migrations.add(new Migration(script, sql.startsWith("\uFEFF") ? sql.substring(1) : sql));
        }
        return Optional.of(migrations);
    }

    private static void build(PersistenceSettings settings, Path name, String historyTable, List<Migration> migrations) throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        // the same user as the pool's: H2 makes the first user of a new database its administrator; the pool's page size,
        // so the file is laid out as when the pool created it; no compaction when it closes, as there is nothing to drop
        // yet. Not the pool's durable commits: each DDL statement commits, and writing a chunk per statement bought
        // nothing here, as the file is closed, forced to disk and only then given its name (about 60 ms of a first start)
        h2.setURL("jdbc:h2:file:" + name + ";DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=0;" + PersistenceSettings.SMALL_PAGES);
        h2.setUser(settings.user().orElse(""));
        h2.setPassword(settings.password().orElse(""));
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            String table = '"' + historyTable + '"';
            statement.execute("CREATE TABLE " + table + " (\"installed_rank\" INT NOT NULL, \"version\" VARCHAR(50),"
                    + " \"description\" VARCHAR(200) NOT NULL, \"type\" VARCHAR(20) NOT NULL, \"script\" VARCHAR(1000) NOT NULL,"
                    + " \"checksum\" INT, \"installed_by\" VARCHAR(100) NOT NULL, \"installed_on\" TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL,"
                    + " \"execution_time\" INT NOT NULL, \"success\" BOOLEAN NOT NULL, CONSTRAINT \"" + historyTable + "_pk\" PRIMARY KEY (\"installed_rank\"))");
            statement.execute("CREATE INDEX \"" + historyTable + "_s_idx\" ON " + table + " (\"success\")");
            String insert = "INSERT INTO " + table + " (\"installed_rank\", \"version\", \"description\", \"type\", \"script\", \"checksum\","
                    + " \"installed_by\", \"execution_time\", \"success\") VALUES (?, ?, ?, ?, ?, ?, CURRENT_USER, ?, TRUE)";
            try (PreparedStatement history = connection.prepareStatement(insert)) {
                record(history, -1, null, TABLE_MARKER, "TABLE", "", null, 0);
                int rank = 1;
                for (Migration migration : migrations) {
                    long started = System.nanoTime();
                    RunScript.execute(connection, new StringReader(migration.sql()));
                    Script script = migration.script();
                    record(history, rank++, script.version(), script.description(), "SQL", script.script(), script.checksum(),
                            (int) ((System.nanoTime() - started) / 1_000_000));
                }
            }
        }
    }

    private static void record(PreparedStatement history, int rank, String version, String description, String type, String script,
                               Integer checksum, int millis) throws SQLException {
        history.setInt(1, rank);
        history.setString(2, version);
        history.setString(3, description);
        history.setString(4, type);
        history.setString(5, script);
        history.setObject(6, checksum, java.sql.Types.INTEGER);
        history.setInt(7, millis);
        history.executeUpdate();
    }

    /** The files of a creation that did not finish: H2's database file and its trace file under the temporary name. */
    private static void deleteLeftovers(Path directory) throws IOException {
        Files.deleteIfExists(directory.resolve(CREATING + H2_FILE));
        Files.deleteIfExists(directory.resolve(CREATING + ".trace.db"));
    }

    /** Makes the rename durable where the platform can sync a directory (Linux, macOS); elsewhere the rename is left to the OS. */
    private static void syncDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException notSupportedHere) {
            // Windows cannot open a directory as a channel; its rename is as durable as its file system makes it
        }
    }
}
