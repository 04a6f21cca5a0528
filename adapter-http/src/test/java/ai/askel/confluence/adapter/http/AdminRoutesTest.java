package ai.askel.confluence.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.domain.WorkspaceIds;
import ai.askel.confluence.ports.in.CreatePageCommand;
import ai.askel.confluence.ports.out.AuditEvent;
import ai.askel.confluence.ports.out.AuditQuery;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Scopes at the edge, and the administration routes: who may see which workspace, the key shown once, the audit query. */
class AdminRoutesTest {
    private final TestServer api = new TestServer();

    @AfterEach
    void stop() {
        api.close();
    }

    private TestServer.Answer send(String method, String path, String key, String json) {
        HttpRequest.Builder request = api.request(path, key);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return api.send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    @Test
    void a_read_key_may_read_and_is_refused_a_write_before_the_use_case_runs() {
        String connection = "/api/v1/connections/" + api.fake.addConnection(FakeConnector.WORKSPACE_A, "Acme").id();

        TestServer.Answer read = api.get(connection, FakeConnector.READ_KEY_A);
        TestServer.Answer write = send("POST", connection + "/pages", FakeConnector.READ_KEY_A, """
                {"spaceKey": "INFRA", "title": "T", "body": {"value": "<p/>"}}""");

        assertThat(read.status()).isEqualTo(200);
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.json().get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(write.json().get("detail").asText()).contains("read").contains("write");
        assertThat(api.fake.callsOf(CreatePageCommand.class)).as("the use case never ran").isZero();
    }

    @Test
    void a_write_key_writes_but_administers_nothing() {
        String connection = "/api/v1/connections/" + api.fake.addConnection(FakeConnector.WORKSPACE_A, "Acme").id();

        assertThat(send("POST", connection + "/pages", FakeConnector.WRITE_KEY_A, """
                {"spaceKey": "INFRA", "title": "T", "body": {"value": "<p/>"}}""").status()).isEqualTo(201);
        assertThat(api.get("/api/v1/workspaces/" + FakeConnector.WORKSPACE_A + "/api-keys", FakeConnector.WRITE_KEY_A).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/workspaces/" + FakeConnector.WORKSPACE_A + "/audit-events", FakeConnector.WRITE_KEY_A).status())
                .isEqualTo(403);
    }

    @Test
    void a_workspace_admin_sees_its_own_workspace_only_and_another_is_not_found() {
        TestServer.Answer own = api.get("/api/v1/workspaces", FakeConnector.KEY_A);
        TestServer.Answer other = api.get("/api/v1/workspaces/" + FakeConnector.WORKSPACE_B + "/api-keys", FakeConnector.KEY_A);
        TestServer.Answer create = send("POST", "/api/v1/workspaces", FakeConnector.KEY_A, "{\"name\": \"mine\"}");

        assertThat(own.json().get("results")).singleElement().satisfies(w -> assertThat(w.get("id").asText())
                .isEqualTo(FakeConnector.WORKSPACE_A.value()));
        assertThat(other.status()).isEqualTo(404);
        assertThat(create.status()).as("only the operator creates workspaces").isEqualTo(403);
    }

    @Test
    void the_operator_creates_a_workspace_and_a_key_in_it_shown_in_that_answer_only() {
        TestServer.Answer workspace = send("POST", "/api/v1/workspaces", FakeConnector.OPERATOR_KEY, "{\"name\": \"Tenant\"}");
        String id = workspace.json().get("id").asText();
        TestServer.Answer key = send("POST", "/api/v1/workspaces/" + id + "/api-keys", FakeConnector.OPERATOR_KEY,
                "{\"name\": \"ci\", \"scope\": \"read\"}");
        TestServer.Answer listed = api.get("/api/v1/workspaces/" + id + "/api-keys", FakeConnector.OPERATOR_KEY);
        TestServer.Answer badScope = send("POST", "/api/v1/workspaces/" + id + "/api-keys", FakeConnector.OPERATOR_KEY,
                "{\"name\": \"ci\", \"scope\": \"root\"}");
        TestServer.Answer revoked = send("DELETE", "/api/v1/workspaces/" + id + "/api-keys/" + key.json().get("id").asText(),
                FakeConnector.OPERATOR_KEY, null);

        assertThat(workspace.status()).isEqualTo(201);
        assertThat(workspace.json().get("name").asText()).isEqualTo("Tenant");
        assertThat(key.status()).isEqualTo(201);
        assertThat(key.json().get("key").asText()).startsWith("ask_");
        assertThat(key.json().get("scope").asText()).isEqualTo("read");
        assertThat(listed.body()).doesNotContain(key.json().get("key").asText());
        assertThat(listed.json().get("results")).singleElement().satisfies(k -> assertThat(k.has("key")).isFalse());
        assertThat(badScope.status()).isEqualTo(400);
        assertThat(revoked.status()).isEqualTo(204);
    }

    @Test
    void a_new_key_created_under_an_idempotency_key_is_never_stored_and_a_replay_answers_without_it() {
        String keys = "/api/v1/workspaces/" + FakeConnector.WORKSPACE_A + "/api-keys";

        TestServer.Answer first = api.post(keys, "{\"name\": \"ci\", \"scope\": \"read\"}", "Idempotency-Key", "key-1");
        TestServer.Answer replay = api.post(keys, "{\"name\": \"ci\", \"scope\": \"read\"}", "Idempotency-Key", "key-1");

        String secret = first.json().get("key").asText();
        assertThat(secret).startsWith("ask_");
        assertThat(api.fake.stored(FakeConnector.WORKSPACE_A, "key-1")).hasValueSatisfying(stored -> {
            assertThat(stored.status()).isEqualTo(201);
            assertThat(stored.body()).doesNotContain(secret).contains(first.json().get("id").asText());
        });
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotency-Replayed")).contains("true");
        assertThat(replay.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
        assertThat(replay.json().get("key").isNull()).as("shown in the first answer only").isTrue();
    }

    @Test
    void the_audit_log_is_read_with_the_filters_and_cursor_given() {
        api.admin.addEvent(new AuditEvent(FakeConnector.NOW, FakeConnector.WORKSPACE_A, Optional.of("ask_live_aaaa"), "page.create",
                Optional.empty(), Optional.empty(), "OK", Optional.empty()));

        TestServer.Answer page = api.get("/api/v1/workspaces/" + FakeConnector.WORKSPACE_A
                + "/audit-events?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z&action=page.create&limit=10&cursor=99", FakeConnector.KEY_A);
        TestServer.Answer badCursor = api.get("/api/v1/workspaces/" + FakeConnector.WORKSPACE_A + "/audit-events?cursor=x",
                FakeConnector.KEY_A);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("results")).singleElement().satisfies(e -> {
            assertThat(e.get("action").asText()).isEqualTo("page.create");
            assertThat(e.get("apiKeyPrefix").asText()).isEqualTo("ask_live_aaaa");
        });
        assertThat(api.admin.queries).singleElement().isEqualTo(new AuditQuery(FakeConnector.WORKSPACE_A,
                Optional.of(Instant.parse("2026-11-01T00:00:00Z")), Optional.of(Instant.parse("2026-12-01T00:00:00Z")),
                Optional.of("page.create"), 10, Optional.of(99L)));
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/workspaces/" + WorkspaceIds.DEFAULT + "/audit-events", FakeConnector.KEY_A).status()).isEqualTo(404);
    }
}
