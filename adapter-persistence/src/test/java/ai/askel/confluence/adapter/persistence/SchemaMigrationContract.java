package ai.askel.confluence.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one set of migrations takes an empty database to the latest schema, which then validates. */
abstract class SchemaMigrationContract {
    private PersistenceFixture fixture;

    abstract TestDatabase database();

    @BeforeEach
    void emptyDatabase() {
        fixture = PersistenceFixture.create(database());
    }

    @AfterEach
    void closeDatabase() {
        fixture.close();
    }

    @Test
    void migrations_take_an_empty_database_to_the_latest_schema_once() {
        try (HikariDataSource dataSource = fixture.hostPool()) {
            Flyway flyway = Flyway.configure().dataSource(dataSource).locations(SchemaMigrator.LOCATION).load();
            assertThat(flyway.info().applied()).isEmpty();

            int executed = flyway.migrate().migrationsExecuted;

            assertThat(executed).isEqualTo(flyway.info().all().length).isPositive();
            assertThat(flyway.info().all()).allSatisfy(m -> assertThat(m.getState()).isEqualTo(MigrationState.SUCCESS));
            assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
            assertThat(flyway.migrate().migrationsExecuted).isZero();
            Set<String> tables = fixture.raw().withHandle(h -> h.createQuery(
                    "SELECT table_name FROM information_schema.tables WHERE LOWER(table_schema) = 'public'")
                    .mapTo(String.class).stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()));
            assertThat(tables).contains("workspace", "api_key", "connection", "runbook", "managed_page", "idempotency_record",
                    "audit_event", "drift_finding", "connection_default_space");
        }
    }

    @Test
    void the_adapter_starts_on_an_already_migrated_database_without_migrating_again() {
        fixture.start();
        fixture.stopAll();

        TestPersistenceComponent again = fixture.start();

        assertThat(again.health().isHealthy()).isTrue();
        Flyway flyway = Flyway.configure().dataSource(again.dataSource()).locations(SchemaMigrator.LOCATION)
                .table(HostDatabaseSettings.DEFAULT_HISTORY_TABLE).load();
        assertThat(flyway.info().applied()).hasSameSizeAs(flyway.info().all());
        assertThat(flyway.info().pending()).isEmpty();
    }

    @Test
    void a_restart_on_an_up_to_date_schema_finds_every_shipped_migration_recorded_and_leaves_flyway_unstarted() {
        TestPersistenceComponent first = fixture.start();
        assertThat(SchemaUpToDateCheck.isUpToDate(first.dataSource(), HostDatabaseSettings.DEFAULT_HISTORY_TABLE)).isTrue();
        fixture.stopAll();

        TestPersistenceComponent again = fixture.start();

        assertThat(again.health().isHealthy()).isTrue();
        assertThat(SchemaUpToDateCheck.isUpToDate(again.dataSource(), "no_such_history")).as("no history: Flyway decides").isFalse();
    }

    @Test
    void a_failed_migration_in_the_history_is_still_refused_at_start() {
        fixture.start();
        fixture.stopAll();
        history("UPDATE \"askel_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '50'");

        org.assertj.core.api.Assertions.assertThatThrownBy(fixture::start)
                .isInstanceOf(ai.askel.confluence.domain.error.ConnectorException.class)
                .hasMessageContaining("migrating the database schema failed").hasMessageContaining("failed migration");
    }

    @Test
    void a_changed_migration_script_is_still_refused_at_start() {
        fixture.start();
        fixture.stopAll();
        history("UPDATE \"askel_schema_history\" SET \"checksum\" = \"checksum\" + 1 WHERE \"version\" = '1'");

        org.assertj.core.api.Assertions.assertThatThrownBy(fixture::start)
                .isInstanceOf(ai.askel.confluence.domain.error.ConnectorException.class)
                .hasMessageContaining("migrating the database schema failed").hasMessageContaining("checksum mismatch");
    }

    @Test
    void a_schema_ahead_of_this_jar_goes_through_flyway_as_before() {
        fixture.start();
        fixture.stopAll();
        history("INSERT INTO \"askel_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", \"script\","
                + " \"checksum\", \"installed_by\", \"installed_on\", \"execution_time\", \"success\") VALUES (100, '999',"
                + " 'from a newer connector', 'SQL', 'V999__from_a_newer_connector.sql', 1, 'test', CURRENT_TIMESTAMP, 1, TRUE)");
        try (HikariDataSource dataSource = PersistenceAdapterModule.pool(fixture.settings(), HostDatabaseSettings.defaults())) {
            assertThat(SchemaUpToDateCheck.isUpToDate(dataSource, HostDatabaseSettings.DEFAULT_HISTORY_TABLE)).isFalse();
        }

        // Flyway's defaults ignore a migration newer than the newest shipped one, so the start goes on, as it always has
        assertThat(fixture.start().health().isHealthy()).isTrue();
        assertThat(fixture.count("SELECT COUNT(*) FROM \"askel_schema_history\" WHERE \"version\" = :v", "999")).isEqualTo(1);
    }

    private void history(String sql) {
        fixture.raw().useHandle(h -> h.execute(sql));
    }

    @Test
    void in_a_hosts_database_the_connector_keeps_its_own_history_and_leaves_the_hosts_alone() {
        java.util.concurrent.ExecutorService hostExecutor = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.concurrent.atomic.AtomicInteger ranOnHostExecutor = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.Executor counting = task -> {
            ranOnHostExecutor.incrementAndGet();
            hostExecutor.execute(task);
        };
        try (HikariDataSource host = fixture.hostPool()) {
            // the host's own schema, migrated by the host's own Flyway into Flyway's default history table
            Flyway.configure().dataSource(host).locations("classpath:host-migrations").load().migrate();
            int hostHistory = fixture.count("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE '' = :v", "");

            TestPersistenceComponent embedded = fixture.start(fixture.settings(), HostDatabaseSettings.defaults().withDataSource(host)
                    .withExecutor(counting));
            assertThat(embedded.health().isHealthy()).isTrue();
            assertThat(ranOnHostExecutor.get()).as("the health probe ran on the host's executor").isEqualTo(1);
            embedded.lifecycle().close();
            assertThat(hostExecutor.isShutdown()).as("the host's executor is the host's to shut down").isFalse();

            Flyway connector = Flyway.configure().dataSource(host).locations(SchemaMigrator.LOCATION)
                    .table(HostDatabaseSettings.DEFAULT_HISTORY_TABLE).load();
            assertThat(connector.info().pending()).isEmpty();
            assertThat(fixture.count("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE '' = :v", "")).as("the host's history")
                    .isEqualTo(hostHistory);
            assertThat(fixture.count("SELECT COUNT(*) FROM orders WHERE '' = :v", "")).isZero();
            assertThat(host.isClosed()).as("the host's pool is the host's to close").isFalse();
            assertThat(fixture.count("SELECT COUNT(*) FROM workspace WHERE id = :v", "00000000-0000-0000-0000-000000000001")).isEqualTo(1);
        } finally {
            hostExecutor.shutdownNow();
        }
    }

    @Test
    void an_installation_migrated_into_flyways_default_table_is_taken_over_without_running_a_migration_twice() {
        try (HikariDataSource dataSource = fixture.hostPool()) {
            // an installation of the version before: the first migration, recorded in flyway_schema_history, and a key in it
            Flyway.configure().dataSource(dataSource).locations(SchemaMigrator.LOCATION).target("1").load().migrate();
            fixture.raw().useHandle(h -> {
                h.execute("INSERT INTO workspace (id, created_at) VALUES ('0a0a0a0a-0000-4000-8000-00000000000a', CURRENT_TIMESTAMP)");
                h.execute("INSERT INTO api_key (id, workspace_id, name, prefix, key_hash, created_at) VALUES ('k1',"
                        + " '0a0a0a0a-0000-4000-8000-00000000000a', 'old', 'oldoldol', '" + "0".repeat(64) + "', CURRENT_TIMESTAMP)");
            });
        }

        TestPersistenceComponent upgraded = fixture.start();

        Flyway connector = Flyway.configure().dataSource(upgraded.dataSource()).locations(SchemaMigrator.LOCATION)
                .table(HostDatabaseSettings.DEFAULT_HISTORY_TABLE).load();
        assertThat(connector.info().pending()).isEmpty();
        assertThat(connector.info().applied()).extracting(m -> m.getVersion().getVersion()).contains("1", "30");
        assertThat(upgraded.apiKeys().findByPrefix("oldoldol")).hasValueSatisfying(k -> {
            assertThat(k.scope()).as("a key from before scopes could do everything").isEqualTo(ai.askel.confluence.domain.ApiKeyScope.ADMIN);
        });
        assertThat(upgraded.workspaces().find(ai.askel.confluence.domain.WorkspaceId.of("0a0a0a0a-0000-4000-8000-00000000000a")))
                .hasValueSatisfying(w -> assertThat(w.name()).startsWith("workspace "));
        fixture.stopAll();
        assertThat(fixture.start().health().isHealthy()).as("and it starts again as usual").isTrue();
    }

    @Test
    void connections_that_shared_a_name_in_their_workspace_each_have_a_name_of_their_own_after_the_upgrade() {
        String workspace = "0a0a0a0a-0000-4000-8000-00000000000a";
        String other = "0b0b0b0b-0000-4000-8000-00000000000b";
        try (HikariDataSource dataSource = fixture.hostPool()) {
            Flyway.configure().dataSource(dataSource).locations(SchemaMigrator.LOCATION).table(HostDatabaseSettings.DEFAULT_HISTORY_TABLE)
                    .target("50").load().migrate();
            fixture.raw().useHandle(h -> {
                // c3 was registered first; c1 and c2 at the same moment after it
                for (String[] c : new String[][] {{"c1", workspace, "2026-02-01"}, {"c2", workspace, "2026-02-01"}, {"c3", workspace, "2026-01-01"},
                        {"c4", other, "2026-03-01"}}) {
                    h.execute("INSERT INTO connection (id, workspace_id, name, site_url, email, token_ciphertext, token_nonce, token_key_id,"
                            + " status, created_at, updated_at) VALUES (?, ?, 'acme', 'https://acme.atlassian.net', 'a@acme.example', ?, ?,"
                            + " 'k', 'ACTIVE', CAST(? AS TIMESTAMP WITH TIME ZONE), CURRENT_TIMESTAMP)", c[0], c[1], new byte[] {1},
                            new byte[] {2}, c[2] + " 10:00:00+00");
                }
            });
            Flyway.configure().dataSource(dataSource).locations(SchemaMigrator.LOCATION).table(HostDatabaseSettings.DEFAULT_HISTORY_TABLE)
                    .load().migrate();
        }

        List<String> names = fixture.raw().withHandle(h -> h.createQuery("SELECT id || '=' || name FROM connection ORDER BY id")
                .mapTo(String.class).list());
        assertThat(names).containsExactly("c1=acme (c1)", "c2=acme (c2)", "c3=acme", "c4=acme");
    }

    @Test
    void workspaces_that_shared_a_name_each_have_a_name_of_their_own_after_the_upgrade() {
        try (HikariDataSource dataSource = fixture.hostPool()) {
            Flyway.configure().dataSource(dataSource).locations(SchemaMigrator.LOCATION).table(HostDatabaseSettings.DEFAULT_HISTORY_TABLE)
                    .target("60").load().migrate();
            fixture.raw().useHandle(h -> {
                // w3 was created first; w1 and w2 at the same moment after it; w4 has a name of its own
                for (String[] w : new String[][] {{"w1", "Acme", "2026-02-01"}, {"w2", "Acme", "2026-02-01"}, {"w3", "Acme", "2026-01-01"},
                        {"w4", "Globex", "2026-03-01"}}) {
                    h.execute("INSERT INTO workspace (id, name, created_at) VALUES (?, ?, CAST(? AS TIMESTAMP WITH TIME ZONE))", w[0], w[1],
                            w[2] + " 10:00:00+00");
                }
            });
            Flyway.configure().dataSource(dataSource).locations(SchemaMigrator.LOCATION).table(HostDatabaseSettings.DEFAULT_HISTORY_TABLE)
                    .load().migrate();
        }

        List<String> names = fixture.raw().withHandle(h -> h.createQuery("SELECT id || '=' || name FROM workspace WHERE id LIKE 'w_'"
                + " ORDER BY id").mapTo(String.class).list());
        assertThat(names).containsExactly("w1=Acme (w1)", "w2=Acme (w2)", "w3=Acme", "w4=Globex");
    }

    @Test
    void with_migrations_left_to_the_host_the_connector_changes_no_schema() {
        try (HikariDataSource host = fixture.hostPool()) {
            HostDatabaseSettings hostRuns = HostDatabaseSettings.defaults().withDataSource(host).withMigrate(false);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> fixture.start(fixture.settings(), hostRuns))
                    .as("nothing migrated: the connector's first query finds no table").isInstanceOf(RuntimeException.class);
            assertThat(SchemaMigrator.tableExists(host, HostDatabaseSettings.DEFAULT_HISTORY_TABLE)).isFalse();
            assertThat(SchemaMigrator.tableExists(host, "api_key")).isFalse();

            Flyway.configure().dataSource(host).locations(SchemaMigrator.LOCATION).table("host_runs_askel").load().migrate();
            TestPersistenceComponent started = fixture.start(fixture.settings(), hostRuns);
            assertThat(started.health().isHealthy()).isTrue();
            assertThat(SchemaMigrator.tableExists(host, HostDatabaseSettings.DEFAULT_HISTORY_TABLE)).isFalse();
        }
    }

    @Test
    void the_history_table_is_a_plain_table_name() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HostDatabaseSettings.defaults().withHistoryTable("x; DROP TABLE y"))
                .isInstanceOf(ai.askel.confluence.domain.error.InvalidInputException.class);
        assertThat(HostDatabaseSettings.defaults().withHistoryTable("acme_askel_history").historyTable()).isEqualTo("acme_askel_history");
    }

    @Test
    void a_hosts_flyway_with_its_default_location_finds_none_of_the_connectors_migrations() {
        try (HikariDataSource host = fixture.hostPool()) {
            Flyway hostDefaults = Flyway.configure().dataSource(host).load();

            assertThat(hostDefaults.info().all()).as("nothing of the connector in classpath:db/migration").isEmpty();
            assertThat(getClass().getClassLoader().getResource("db/migration"))
                    .as("the connector's migrations belong in %s, where a host's Flyway does not look", SchemaMigrator.LOCATION).isNull();
        }
    }
}
