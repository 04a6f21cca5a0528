package ai.askel.confluence.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.app.AskelConfluence;
import ai.askel.confluence.app.AskelHttpApi;
import ai.askel.confluence.app.config.Setting;
import ai.askel.confluence.adapter.http.HttpApiServer;
import ai.askel.confluence.domain.ApiKeyScope;
import ai.askel.confluence.domain.WorkspaceIds;
import ai.askel.confluence.ports.in.CreatedApiKey;
import ai.askel.confluence.sandbox.ConfluenceSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Workspaces and API keys administered over HTTP on a running server: scopes (a read key is refused every write
 * route with nothing written), the operator's and a tenant's admin keys, a revocation that takes effect on the next
 * request, and an audit log that names the key of each write, paged and filtered. On H2, and on PostgreSQL given to
 * the connector as the host's own database.
 */
class WorkspaceAdministrationTest {

    @Nested
    class OnH2 extends Contract {
        @Override
        AskelConfluence.Builder database(AskelConfluence.Builder builder) {
            return builder;
        }
    }

    @Nested
    class OnPostgreSqlAsTheHostsDatabase extends Contract {
        private EmbeddedPostgres postgres;

        @Override
        AskelConfluence.Builder database(AskelConfluence.Builder builder) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return builder.dataSource(postgres.getPostgresDatabase());
        }

        @Override
        void closeDatabase() throws IOException {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Contract {
        ConfluenceSandbox sandbox;
        AskelConfluence askel;
        HttpApiServer server;
        ApiClient operator;
        String operatorPrefix;
        String cid;
        String pageId;

        abstract AskelConfluence.Builder database(AskelConfluence.Builder builder);

        void closeDatabase() throws IOException {
        }

        @BeforeAll
        void start() throws IOException {
            sandbox = ConfluenceSandbox.builder().port(0).demoData().start();
            Path dataDir = Files.createTempDirectory("askel-admin-");
            askel = database(AskelConfluence.builder().dataDirectory(dataDir).allowSiteOrigin(sandbox.baseUrl())
                    .set(Setting.HTTP_PORT, "0")).build();
            server = AskelHttpApi.server(askel).start();
            CreatedApiKey key = askel.manageApiKeys().create(WorkspaceIds.DEFAULT, "operator", ApiKeyScope.ADMIN);
            operatorPrefix = key.record().prefix();
            operator = new ApiClient("http://127.0.0.1:" + server.port(), Optional.of(key.key().reveal()));
            ApiClient.Response connection = operator.post("/api/v1/connections", Map.of("name", "crestview", "siteUrl", sandbox.baseUrl(),
                    "email", "ada@example.com", "apiToken", "ada-token"));
            assertThat(connection.status()).as("%s", connection).isEqualTo(201);
            cid = connection.json().get("id").asText();
            ApiClient.Response page = operator.post("/api/v1/connections/" + cid + "/pages", Map.of("spaceKey", "INFRA",
                    "title", "Administered page", "body", Map.of("value", "<p>one</p>")));
            assertThat(page.status()).as("%s", page).isEqualTo(201);
            pageId = page.json().get("id").asText();
        }

        @AfterAll
        void stop() throws IOException {
            server.close();
            askel.close();
            sandbox.close();
            closeDatabase();
        }

        private ApiClient keyOf(String workspaceId, String scope) {
            ApiClient.Response created = operator.post("/api/v1/workspaces/" + workspaceId + "/api-keys", Map.of("name", scope + " key",
                    "scope", scope));
            assertThat(created.status()).as("%s", created).isEqualTo(201);
            return operator.withKey(created.json().get("key").asText());
        }

        private static String prefixOf(ApiClient.Response created) {
            return created.json().get("prefix").asText();
        }

        private int auditEntries() {
            return operator.get("/api/v1/workspaces/" + WorkspaceIds.DEFAULT + "/audit-events?limit=250").json().get("results").size();
        }

        @Test
        void a_read_key_reads_but_every_write_route_answers_403_and_nothing_is_written() {
            ApiClient reader = keyOf(WorkspaceIds.DEFAULT.value(), "read");
            assertThat(reader.get("/api/v1/connections").status()).isEqualTo(200);
            assertThat(reader.get("/api/v1/connections/" + cid + "/pages/" + pageId).status()).isEqualTo(200);
            int auditBefore = auditEntries();
            String connectionsBefore = operator.get("/api/v1/connections").body();
            String pageBefore = operator.get("/api/v1/connections/" + cid + "/pages/" + pageId).body();

            List<String> checked = new ArrayList<>();
            JsonNode paths = operator.get("/openapi.json").json().get("paths");
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                if (!path.getKey().startsWith("/api/v1/")) {
                    continue;
                }
                String concrete = path.getKey().replace("{connectionId}", cid).replace("{pageId}", pageId).replace("{label}", "ops")
                        .replace("{runbookId}", "6f1d2c3b-0000-4000-8000-000000000001").replace("{workspaceId}", WorkspaceIds.DEFAULT.value())
                        .replace("{keyId}", "no-such-key").replace("{findingId}", "1")
                        .replace("{jobId}", "6f1d2c3b-0000-4000-8000-000000000002");
                for (String method : List.of("post", "put", "delete")) {
                    if (!path.getValue().has(method)) {
                        continue;
                    }
                    ApiClient.Response answer = switch (method) {
                        case "post" -> path.getKey().endsWith("/attachments")
                                ? reader.postFile(concrete, "a.txt", "text/plain", new byte[] {1, 2, 3}, Optional.empty())
                                : reader.post(concrete, Map.of("name", "x", "labels", List.of("x")), "Idempotency-Key", "read-" + checked.size());
                        case "put" -> reader.put(concrete, Map.of("body", Map.of("value", "<p>changed</p>"), "apiToken", "t"));
                        default -> reader.delete(concrete);
                    };
                    assertThat(answer.status()).as("%s %s: %s", method, path.getKey(), answer).isEqualTo(403);
                    assertThat(answer.json().get("code").asText()).isEqualTo("FORBIDDEN");
                    checked.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
                }
            }

            assertThat(checked).as("every write route of the API was tried").hasSizeGreaterThan(12)
                    .contains("POST /api/v1/connections", "PUT /api/v1/connections/{connectionId}/pages/{pageId}",
                            "DELETE /api/v1/connections/{connectionId}", "POST /api/v1/workspaces");
            assertThat(auditEntries()).as("no audit event: nothing was done").isEqualTo(auditBefore);
            assertThat(operator.get("/api/v1/connections").body()).isEqualTo(connectionsBefore);
            assertThat(operator.get("/api/v1/connections/" + cid + "/pages/" + pageId).body()).isEqualTo(pageBefore);
        }

        @Test
        void the_operator_creates_a_workspace_whose_admin_key_administers_it_alone() {
            ApiClient.Response created = operator.post("/api/v1/workspaces", Map.of("name", "Tenant A"));
            assertThat(created.status()).as("%s", created).isEqualTo(201);
            String tenant = created.json().get("id").asText();
            ApiClient tenantAdmin = keyOf(tenant, "admin");

            assertThat(operator.get("/api/v1/workspaces").json().get("results")).extracting(w -> w.get("id").asText())
                    .contains(WorkspaceIds.DEFAULT.value(), tenant);
            assertThat(tenantAdmin.get("/api/v1/workspaces").json().get("results")).extracting(w -> w.get("id").asText())
                    .containsExactly(tenant);
            assertThat(tenantAdmin.post("/api/v1/workspaces", Map.of("name", "Sneaky")).status()).isEqualTo(403);
            assertThat(tenantAdmin.get("/api/v1/workspaces/" + WorkspaceIds.DEFAULT + "/api-keys").status())
                    .as("another workspace stays not found").isEqualTo(404);
            assertThat(tenantAdmin.get("/api/v1/workspaces/" + WorkspaceIds.DEFAULT + "/audit-events").status()).isEqualTo(404);
            assertThat(tenantAdmin.get("/api/v1/connections/" + cid).status()).isEqualTo(404);

            ApiClient.Response writerKey = tenantAdmin.post("/api/v1/workspaces/" + tenant + "/api-keys",
                    Map.of("name", "ci", "scope", "write"));
            assertThat(writerKey.status()).isEqualTo(201);
            ApiClient writer = operator.withKey(writerKey.json().get("key").asText());
            JsonNode keys = tenantAdmin.get("/api/v1/workspaces/" + tenant + "/api-keys").json().get("results");
            assertThat(keys).extracting(k -> k.get("scope").asText()).containsExactlyInAnyOrder("admin", "write");
            assertThat(keys).allSatisfy(k -> assertThat(k.has("key")).as("a key is shown once").isFalse());
            assertThat(writer.get("/api/v1/workspaces/" + tenant + "/api-keys").status()).as("a write key administers nothing")
                    .isEqualTo(403);
            assertThat(operator.delete("/api/v1/workspaces/" + tenant + "/api-keys/" + writerKey.json().get("id").asText()).status())
                    .as("the operator may revoke a tenant's key").isEqualTo(204);
            assertThat(tenantAdmin.delete("/api/v1/workspaces/" + tenant + "/api-keys/" + writerKey.json().get("id").asText()).status())
                    .as("revoked already: revoking is idempotent").isEqualTo(204);
            assertThat(tenantAdmin.get("/api/v1/workspaces/" + tenant + "/audit-events?action=api-key.revoke").json().get("results"))
                    .as("one revocation, one event").hasSize(1);
            assertThat(tenantAdmin.delete("/api/v1/workspaces/" + tenant + "/api-keys/no-such-key").status()).isEqualTo(404);
        }

        @Test
        void a_key_revoked_over_http_is_refused_on_its_next_request_to_the_running_server() {
            ApiClient.Response created = operator.post("/api/v1/workspaces/" + WorkspaceIds.DEFAULT + "/api-keys",
                    Map.of("name", "short-lived", "scope", "write"));
            ApiClient shortLived = operator.withKey(created.json().get("key").asText());
            assertThat(shortLived.get("/api/v1/connections").status()).isEqualTo(200);

            assertThat(operator.delete("/api/v1/workspaces/" + WorkspaceIds.DEFAULT + "/api-keys/" + created.json().get("id").asText())
                    .status()).isEqualTo(204);

            ApiClient.Response refused = shortLived.get("/api/v1/connections");
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.body()).doesNotContain(created.json().get("key").asText());
        }

        @Test
        void each_write_is_audited_with_the_prefix_of_its_key_and_the_log_is_paged_and_filtered() {
            Instant before = Instant.now().minusSeconds(1);
            ApiClient.Response created = operator.post("/api/v1/workspaces/" + WorkspaceIds.DEFAULT + "/api-keys",
                    Map.of("name", "writer", "scope", "write"));
            ApiClient writer = operator.withKey(created.json().get("key").asText());
            String writerPrefix = prefixOf(created);
            assertThat(writer.post("/api/v1/connections/" + cid + "/pages/" + pageId + "/labels", Map.of("labels", List.of("audited")))
                    .status()).isEqualTo(200);
            assertThat(writer.delete("/api/v1/connections/" + cid + "/pages/" + pageId + "/labels/audited").status()).isEqualTo(204);

            String log = "/api/v1/workspaces/" + WorkspaceIds.DEFAULT + "/audit-events";
            JsonNode added = operator.get(log + "?action=labels.add&from=" + before).json().get("results");
            JsonNode removed = operator.get(log + "?action=labels.remove&from=" + before).json().get("results");
            JsonNode keyCreated = operator.get(log + "?action=api-key.create&from=" + before).json().get("results");
            JsonNode first = operator.get(log + "?limit=1&from=" + before).json();
            JsonNode second = operator.get(log + "?limit=1&from=" + before + "&cursor=" + first.get("nextCursor").asText()).json();
            JsonNode future = operator.get(log + "?from=" + Instant.now().plusSeconds(3600)).json().get("results");

            assertThat(added).singleElement().satisfies(e -> {
                assertThat(e.get("apiKeyPrefix").asText()).isEqualTo(writerPrefix);
                assertThat(e.get("pageId").asText()).isEqualTo(pageId);
            });
            assertThat(removed).singleElement().satisfies(e -> assertThat(e.get("apiKeyPrefix").asText()).isEqualTo(writerPrefix));
            assertThat(keyCreated).anySatisfy(e -> assertThat(e.get("apiKeyPrefix").asText()).isEqualTo(operatorPrefix));
            assertThat(first.get("results")).hasSize(1);
            assertThat(second.get("results").get(0).get("sequence").asLong()).isLessThan(first.get("results").get(0).get("sequence").asLong());
            assertThat(future).isEmpty();
            assertThat(operator.get(log + "?limit=0").status()).isEqualTo(400);
            assertThat(operator.get(log + "?from=yesterday").status()).isEqualTo(400);
        }
    }
}
