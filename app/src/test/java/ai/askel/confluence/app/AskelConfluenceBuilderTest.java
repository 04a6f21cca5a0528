package ai.askel.confluence.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.app.config.AppConfig;
import ai.askel.confluence.app.config.Setting;
import ai.askel.confluence.domain.ApiKeyScope;
import ai.askel.confluence.domain.Workspace;
import ai.askel.confluence.domain.WorkspaceIds;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.out.AuditQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host's options of the facade: its database, history table, executor and clock, and workspace-aware handles. */
class AskelConfluenceBuilderTest {
    private static final Instant HOST_TIME = Instant.parse("2031-01-02T03:04:05Z");

    @Test
    void a_host_gives_its_database_history_table_executor_and_clock(@TempDir Path dir) throws Exception {
        JdbcDataSource hostDatabase = new JdbcDataSource();
        hostDatabase.setURL("jdbc:h2:mem:host-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        ExecutorService hostThreads = Executors.newSingleThreadExecutor();
        AtomicInteger ranOnHostThreads = new AtomicInteger();
        try (AskelConfluence askel = AskelConfluence.builder().dataDirectory(dir).dataSource(hostDatabase)
                .schemaHistoryTable("acme_askel_history").clock(Clock.fixed(HOST_TIME, ZoneOffset.UTC))
                .executor(task -> {
                    ranOnHostThreads.incrementAndGet();
                    hostThreads.execute(task);
                }).build()) {

            Workspace tenant = askel.manageWorkspaces().create("Tenant A");
            var key = askel.manageApiKeys().create(tenant.id(), "ci", ApiKeyScope.READ);

            assertThat(tenant.createdAt()).as("the host's clock").isEqualTo(HOST_TIME);
            assertThat(key.record().createdAt()).isEqualTo(HOST_TIME);
            assertThat(askel.readAuditLog().read(AuditQuery.newest(tenant.id())).entries())
                    .allSatisfy(e -> assertThat(e.event().at()).isEqualTo(HOST_TIME)).isNotEmpty();
            assertThat(askel.checkReadiness().check().ready()).isTrue();
            assertThat(ranOnHostThreads.get()).as("the health probe ran on the host's executor").isPositive();
            try (Connection c = hostDatabase.getConnection();
                 ResultSet tables = c.getMetaData().getTables(null, null, "acme_askel_history", null)) {
                assertThat(tables.next()).as("the connector's history is in the host's database, in the table asked for").isTrue();
            }
        } finally {
            assertThat(hostThreads.isShutdown()).as("closing the connector leaves the host's executor alone").isFalse();
            hostThreads.shutdownNow();
        }
    }

    @Test
    void a_workspace_handle_names_its_connections_and_the_default_workspace_is_always_there(@TempDir Path dir) {
        try (AskelConfluence askel = AskelConfluence.builder().dataDirectory(dir).build()) {
            Workspace tenant = askel.manageWorkspaces().create("Tenant B");
            AskelWorkspace handle = askel.workspace(tenant.id());
            ConnectionRef ref = handle.connection("6f1d2c3b-0000-4000-8000-000000000001");

            assertThat(ref.workspace()).isEqualTo(tenant.id());
            assertThat(handle.connections()).isEmpty();
            assertThat(handle.newConnection().name("x").siteUrl("https://x.atlassian.net").email("a@b.example")
                    .apiToken(ai.askel.confluence.domain.Secret.token("t")).build().workspace()).isEqualTo(tenant.id());
            assertThat(askel.defaultWorkspace().id()).isEqualTo(WorkspaceIds.DEFAULT);
            assertThat(askel.manageWorkspaces().list()).extracting(Workspace::id).containsExactly(WorkspaceIds.DEFAULT, tenant.id());
        }
    }

    @Test
    void a_data_directory_that_cannot_be_created_fails_saying_so_and_why_in_one_line(@TempDir Path dir) throws Exception {
        Path aFile = Files.writeString(dir.resolve("a-file"), "not a directory");
        Path data = aFile.resolve("data");

        assertThatThrownBy(() -> AskelConfluence.builder().dataDirectory(data).build())
                .isInstanceOf(ConnectorException.class)
                .hasMessage("cannot create the data directory " + data + ": Not a directory")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("PersistenceSettings", "serve"));
    }

    @Test
    void every_use_case_fails_after_close_saying_the_facade_is_closed(@TempDir Path dir) {
        AskelConfluence askel = AskelConfluence.builder().dataDirectory(dir).build();
        var connections = askel.listConnections();
        askel.close();
        askel.close();

        assertThatThrownBy(() -> connections.list(WorkspaceIds.DEFAULT)).isInstanceOf(ConnectorException.class)
                .hasMessageStartingWith("this AskelConfluence is closed");
        assertThatThrownBy(() -> askel.listTemplates().list()).isInstanceOf(ConnectorException.class)
                .hasMessageStartingWith("this AskelConfluence is closed");
        assertThatThrownBy(() -> askel.manageWorkspaces().list()).isInstanceOf(ConnectorException.class)
                .hasMessageStartingWith("this AskelConfluence is closed");
        assertThatThrownBy(() -> askel.startWorker(false)).isInstanceOf(ConnectorException.class)
                .hasMessageStartingWith("this AskelConfluence is closed");
    }

    @Test
    void a_master_key_that_is_not_base64_is_refused_naming_the_builder_method() {
        assertThatThrownBy(() -> AskelConfluence.builder().masterKeyBase64("not-base64!"))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SECRET_KEY_MISMATCH))
                .hasMessageContaining("masterKeyBase64")
                .hasMessageNotContaining("ASKEL_MASTER_KEY");
    }

    @Test
    void an_invalid_master_key_in_the_properties_file_is_named_by_its_key_and_the_file(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("askel.properties");
        String shortKey = java.util.Base64.getEncoder().encodeToString(new byte[16]);
        for (String key : new String[] {"not-base64!", shortKey}) {
            Files.writeString(file, "askel.master-key=" + key + "\n");
            AppConfig config = AppConfig.load(Map.of(), Optional.of(file), Map.of(Setting.DATA_DIR, dir.resolve("data").toString()));

            assertThatThrownBy(() -> AskelConfluence.from(config).close())
                    .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SECRET_KEY_MISMATCH))
                    .hasMessageContaining("askel.master-key in " + file)
                    .hasMessageNotContaining("ASKEL_MASTER_KEY")
                    .hasMessageNotContaining(key);
        }
    }
}
