package ai.askel.confluence.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FreshEmbeddedDatabaseTest {
    private static final String HISTORY = HostDatabaseSettings.DEFAULT_HISTORY_TABLE;
    private static final String LOCK = FreshEmbeddedDatabase.CREATING + ".lock";
    private final ClassLoader shipped = getClass().getClassLoader();
    private final PersistenceFixture created = PersistenceFixture.create(TestDatabase.H2_FILE);
    private final PersistenceFixture migrated = PersistenceFixture.create(TestDatabase.H2_FILE);

    @TempDir
    Path scripts;

    /** As the connector's pool does before it creates the database. */
    @BeforeEach
    void dataDirectories() throws IOException {
        DataDirectory.prepare(created.dataDirectory());
        DataDirectory.prepare(migrated.dataDirectory());
    }

    @AfterEach
    void close() {
        created.close();
        migrated.close();
    }

    @Test
    void a_new_data_directory_gets_the_schema_and_the_history_flyway_creates() throws Exception {
        assertThat(FreshEmbeddedDatabase.createIfMissing(created.settings(), HISTORY, shipped)).isTrue();
        try (HikariDataSource empty = migrated.hostPool()) {
            SchemaMigrator.migrate(empty, HostDatabaseSettings.defaults()); // an empty database: Flyway creates it
        }

        assertThat(schema(created)).isEqualTo(schema(migrated))
                .anySatisfy(statement -> assertThat(statement).startsWith("CREATE CACHED TABLE \"PUBLIC\".\"AUDIT_EVENT\""));
        assertThat(history(created)).isEqualTo(history(migrated)).hasSize(1 + FreshEmbeddedDatabase.migrations(shipped).orElseThrow().size());
    }

    @Test
    void flyway_validates_the_created_history_finds_nothing_to_apply_and_applies_a_later_release_on_top() throws Exception {
        FreshEmbeddedDatabase.createIfMissing(created.settings(), HISTORY, shipped);
        write("later/V9999__a_later_release.sql", "CREATE TABLE later_release (id INT PRIMARY KEY);\n");

        try (HikariDataSource pool = created.hostPool()) {
            assertThat(SchemaUpToDateCheck.isUpToDate(pool, HISTORY)).isTrue();
            Flyway now = Flyway.configure().dataSource(pool).locations(SchemaMigrator.LOCATION).table(HISTORY).load();
            assertThat(now.validateWithResult().validationSuccessful).isTrue();
            assertThat(now.info().all()).isNotEmpty().allSatisfy(m -> assertThat(m.getState()).isEqualTo(MigrationState.SUCCESS));
            assertThat(now.migrate().migrationsExecuted).isZero();

            Flyway later = Flyway.configure().dataSource(pool).table(HISTORY)
                    .locations(SchemaMigrator.LOCATION, "filesystem:" + scripts.resolve("later")).load();
            assertThat(later.migrate().migrationsExecuted).isEqualTo(1);
            assertThat(SchemaMigrator.tableExists(pool, "later_release")).isTrue();
        }
    }

    @Test
    void the_connectors_pool_creates_a_missing_embedded_database_that_the_start_finds_up_to_date() {
        try (HikariDataSource pool = PersistenceAdapterModule.pool(created.settings(), HostDatabaseSettings.defaults())) {
            assertThat(SchemaUpToDateCheck.isUpToDate(pool, HISTORY)).isTrue();
        }
        assertThat(created.start().health().isHealthy()).isTrue();
    }

    @Test
    void a_history_table_of_the_hosts_choosing_records_the_created_schema() {
        TestPersistenceComponent started = created.start(created.settings(), HostDatabaseSettings.defaults().withHistoryTable("acme_askel_history"));

        assertThat(started.health().isHealthy()).isTrue();
        assertThat(SchemaUpToDateCheck.isUpToDate(started.dataSource(), "acme_askel_history")).isTrue();
        assertThat(SchemaMigrator.tableExists(started.dataSource(), HISTORY)).isFalse();
    }

    @Test
    void with_migrations_left_to_the_host_the_pool_creates_no_schema() {
        try (HikariDataSource pool = PersistenceAdapterModule.pool(created.settings(), HostDatabaseSettings.defaults().withMigrate(false))) {
            assertThat(SchemaMigrator.tableExists(pool, "api_key")).isFalse();
            assertThat(SchemaMigrator.tableExists(pool, HISTORY)).isFalse();
        }
    }

    @Test
    void an_existing_database_is_left_as_it_is() throws Exception {
        FreshEmbeddedDatabase.createIfMissing(created.settings(), HISTORY, shipped);
        created.raw().useHandle(h -> h.execute("CREATE TABLE kept (id INT)"));

        assertThat(FreshEmbeddedDatabase.createIfMissing(created.settings(), HISTORY, shipped)).isFalse();

        assertThat(created.count("SELECT COUNT(*) FROM kept WHERE '' = :v", "")).isZero();
    }

    @Test
    void what_a_start_that_died_while_creating_left_is_thrown_away_and_the_database_created_whole() throws Exception {
        Files.writeString(created.dataDirectory().resolve(FreshEmbeddedDatabase.CREATING + ".mv.db"), "half a database");

        assertThat(FreshEmbeddedDatabase.createIfMissing(created.settings(), HISTORY, shipped)).isTrue();

        assertThat(files(created.dataDirectory())).containsExactly(LOCK, "askel.mv.db");
        try (HikariDataSource pool = created.hostPool()) {
            assertThat(SchemaUpToDateCheck.isUpToDate(pool, HISTORY)).isTrue();
        }
    }

    @Test
    void starts_on_one_new_directory_at_once_take_turns_and_one_of_them_creates_the_database() throws Exception {
        ExecutorService starts = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                outcomes.add(starts.submit(() -> FreshEmbeddedDatabase.createIfMissing(created.settings(), HISTORY, shipped)));
            }
            List<Boolean> answers = new ArrayList<>();
            for (Future<Boolean> outcome : outcomes) {
                answers.add(outcome.get(60, TimeUnit.SECONDS));
            }

            assertThat(answers).as("created by one start, found by the others").containsExactlyInAnyOrder(true, false, false, false);
        } finally {
            starts.shutdownNow();
        }
        try (HikariDataSource pool = created.hostPool()) {
            assertThat(SchemaUpToDateCheck.isUpToDate(pool, HISTORY)).isTrue();
        }
    }

    @Test
    void the_built_file_never_replaces_a_database_that_appeared_meanwhile() throws Exception {
        Path building = Files.writeString(scripts.resolve("built"), "the new one");
        Path database = Files.writeString(scripts.resolve("database"), "created by another process meanwhile");

        assertThat(FreshEmbeddedDatabase.publish(building, database)).isFalse();
        assertThat(database).hasContent("created by another process meanwhile");

        Path free = scripts.resolve("free");
        assertThat(FreshEmbeddedDatabase.publish(building, free)).isTrue();
        assertThat(free).hasContent("the new one");
    }

    @Test
    void a_script_that_fails_leaves_no_database_behind() throws Exception {
        write(SchemaUpToDateCheck.PATH + "/V1__good.sql", "CREATE TABLE good (id INT);\n");
        write(SchemaUpToDateCheck.PATH + "/V2__broken.sql", "CREATE TABLE broken (id INT;\n");

        try (URLClassLoader only = scriptsOnly()) {
            assertThatThrownBy(() -> FreshEmbeddedDatabase.createIfMissing(created.settings(), HISTORY, only)).isInstanceOf(SQLException.class);
        }

        assertThat(files(created.dataDirectory())).containsExactly(LOCK);
    }

    @Test
    void scripts_with_flyway_placeholders_are_left_to_flyway() throws Exception {
        write(SchemaUpToDateCheck.PATH + "/V1__placeholder.sql", "CREATE TABLE ${table} (id INT);\n");

        try (URLClassLoader only = scriptsOnly()) {
            assertThat(FreshEmbeddedDatabase.createIfMissing(created.settings(), HISTORY, only)).isFalse();
        }

        assertThat(files(created.dataDirectory())).isEmpty();
    }

    private void write(String name, String content) throws IOException {
        Path file = scripts.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** A class loader that finds only the scripts this test wrote. */
    private URLClassLoader scriptsOnly() throws IOException {
        return new URLClassLoader(new URL[] {scripts.toUri().toURL()}, null);
    }

    private static List<String> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /** The database's DDL as H2 scripts it (the settings H2 keeps in the file and the tables, without their rows). */
    private static List<String> schema(PersistenceFixture database) {
        return database.raw().withHandle(h -> h.createQuery("SCRIPT NODATA").mapTo(String.class).list());
    }

    /** The history as Flyway reads it: every column but when and how fast each script ran. */
    private static List<Map<String, Object>> history(PersistenceFixture database) {
        return database.raw().withHandle(h -> h.createQuery("SELECT \"installed_rank\", \"version\", \"description\", \"type\", \"script\","
                + " \"checksum\", \"installed_by\", \"success\" FROM \"" + HISTORY + "\" ORDER BY \"installed_rank\"").mapToMap().list());
    }
}
