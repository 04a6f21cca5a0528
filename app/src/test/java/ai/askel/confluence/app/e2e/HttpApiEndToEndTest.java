package ai.askel.confluence.app.e2e;

import ai.askel.confluence.ports.out.AuditLogPage;
import ai.askel.confluence.ports.out.AuditQuery;
import ai.askel.confluence.app.AskelHttpApi;
import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.adapter.http.HttpApiServer;
import ai.askel.confluence.app.config.Setting;
import ai.askel.confluence.domain.WorkspaceIds;
import ai.askel.confluence.ports.in.CreatedApiKey;
import ai.askel.confluence.sandbox.SandboxPage;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the HTTP API, driven with a real HTTP client against the started server,
 * which is wired to the Confluence sandbox: the seed story over HTTP and every error class.
 */
class HttpApiEndToEndTest {
    private static SandboxConnector connector;
    private static HttpApiServer server;
    private static ApiClient api;
    private static String cid;
    private static String apiKey;
    private static String apiKeyPrefix;

    @BeforeAll
    static void start() {
        // one attempt per Confluence call, so an injected fault answers at once (retries have their own tests)
        connector = SandboxConnector.start(Map.of(Setting.HTTP_PORT, "0", Setting.CONFLUENCE_MAX_ATTEMPTS, "1"));
        server = AskelHttpApi.server(connector.askel).start();
        CreatedApiKey created0 = connector.askel.manageApiKeys().create(WorkspaceIds.DEFAULT, "e2e");
        apiKey = created0.key().reveal();
        apiKeyPrefix = created0.record().prefix();
        api = new ApiClient("http://127.0.0.1:" + server.port(), Optional.of(apiKey));
        ApiClient.Response created = api.post("/api/v1/connections", ada("crestview"));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        cid = created.json().get("id").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
        connector.close();
    }

    private static Map<String, Object> ada(String name) {
        return Map.of("name", name, "siteUrl", connector.sandbox.baseUrl(), "email", "ada@example.com", "apiToken", "ada-token");
    }

    private static String c(String rest) {
        return "/api/v1/connections/" + cid + rest;
    }

    /**
     * Sends only the head of a JSON POST that declares {@code declaredLength} bytes and answers the whole response. The
     * server refuses an oversized body by its declared length without reading it; a client that kept streaming the body
     * would race the server's close and might never read the answer.
     */
    private static String headOnlyPost(String path, long declaredLength) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            String head = "POST " + path + " HTTP/1.1\r\n" + "Host: 127.0.0.1\r\n" + "Authorization: Bearer " + apiKey + "\r\n"
                    + "Content-Type: application/json\r\n" + "Content-Length: " + declaredLength + "\r\n" + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static void assertProblem(ApiClient.Response r, int status, String code) {
        assertThat(r.status()).as("%s", r).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode problem = r.json();
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(r.body()).doesNotContain("ada-token", "Exception", "\tat ");
    }

    private static JsonNode createPage(String title, Optional<String> parentId, String... labels) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("spaceKey", "INFRA", "title", title,
                "body", ApiClient.storage("<p>" + title + "</p>"), "labels", List.of(labels)));
        parentId.ifPresent(p -> body.put("parentId", p));
        ApiClient.Response r = api.post(c("/pages"), body);
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        return r.json();
    }

    @Test
    void connections_are_created_listed_read_rotated_and_deleted_and_the_token_is_never_returned() {
        ApiClient.Response created = api.post("/api/v1/connections", ada("crud"));
        assertThat(created.status()).isEqualTo(201);
        JsonNode connection = created.json();
        assertThat(connection.get("name").asText()).isEqualTo("crud");
        assertThat(connection.get("siteUrl").asText()).isEqualTo(connector.sandbox.baseUrl());
        assertThat(connection.get("email").asText()).isEqualTo("ada@example.com");
        assertThat(connection.get("accountId").asText()).isNotBlank();
        assertThat(connection.get("status").asText()).isNotBlank();
        assertThat(created.body()).doesNotContain("ada-token");
        String id = connection.get("id").asText();

        assertThat(api.get("/api/v1/connections").json().get("results")).extracting(n -> n.get("id").asText()).contains(id, cid);
        ApiClient.Response read = api.get("/api/v1/connections/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("name").asText()).isEqualTo("crud");

        ApiClient.Response rejected = api.put("/api/v1/connections/" + id + "/credentials", Map.of("apiToken", "not-ada-token"));
        assertProblem(rejected, 422, "CREDENTIALS_REJECTED");
        connector.sandbox.setToken("ada@example.com", "ada-token-2");
        try {
            ApiClient.Response rotated = api.put("/api/v1/connections/" + id + "/credentials", Map.of("apiToken", "ada-token-2"));
            assertThat(rotated.status()).as("%s", rotated).isEqualTo(200);
            assertThat(rotated.body()).doesNotContain("ada-token-2");
            assertThat(api.get("/api/v1/connections/" + id + "/spaces").status()).isEqualTo(200);
        } finally {
            connector.sandbox.setToken("ada@example.com", "ada-token");
        }

        assertThat(api.delete("/api/v1/connections/" + id).status()).isEqualTo(204);
        assertProblem(api.get("/api/v1/connections/" + id), 404, "NOT_FOUND");
    }

    @Test
    void wrong_credentials_are_refused_with_422_credentials_rejected_and_nothing_is_stored() {
        Map<String, Object> wrong = Map.of("name", "wrong", "siteUrl", connector.sandbox.baseUrl(), "email", "ada@example.com",
                "apiToken", "wrong-token");

        assertProblem(api.post("/api/v1/connections", wrong), 422, "CREDENTIALS_REJECTED");
        assertThat(api.get("/api/v1/connections").json().get("results")).extracting(n -> n.get("name").asText()).doesNotContain("wrong");
    }

    @Test
    void another_workspace_sees_404_for_this_workspaces_connection_and_no_key_is_401() {
        String other = connector.askel.manageApiKeys().create(connector.askel.manageWorkspaces().create("other").id(), "other").key().reveal();

        assertProblem(api.withKey(other).get(c("")), 404, "NOT_FOUND");
        assertThat(api.withKey(other).get("/api/v1/connections").json().get("results")).isEmpty();
        ApiClient.Response anonymous = api.anonymous().get("/api/v1/connections");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
    }

    @Test
    void spaces_are_listed_page_by_page_with_the_cursor() {
        ApiClient.Response first = api.get(c("/spaces?limit=1"));
        assertThat(first.status()).isEqualTo(200);
        JsonNode one = first.json();
        assertThat(one.get("results")).hasSize(1);
        assertThat(one.get("results").get(0).fieldNames()).toIterable().contains("id", "key", "name", "type");
        String cursor = one.get("nextCursor").asText();

        JsonNode two = api.get(c("/spaces?limit=1&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8))).json();
        Set<String> keys = new HashSet<>();
        keys.add(one.get("results").get(0).get("key").asText());
        keys.add(two.get("results").get(0).get("key").asText());
        assertThat(keys).containsExactlyInAnyOrder("INFRA", "ENG");
    }

    @Test
    void a_page_is_created_read_updated_with_version_checks_and_lists_its_versions_and_children() {
        JsonNode page = createPage("HTTP Page", Optional.empty(), "http-e2e");
        String id = page.get("id").asText();
        assertThat(page.get("version").asInt()).isEqualTo(1);

        JsonNode read = api.get(c("/pages/" + id)).json();
        assertThat(read.get("spaceKey").asText()).isEqualTo("INFRA");
        assertThat(read.get("title").asText()).isEqualTo("HTTP Page");
        assertThat(read.get("parentId").asText()).isNotBlank();
        assertThat(read.get("labels")).extracting(JsonNode::asText).containsExactly("http-e2e");
        assertThat(read.get("body").get("representation").asText()).isEqualTo("storage");
        assertThat(read.get("body").get("value").asText()).isEqualTo("<p>HTTP Page</p>");
        assertThat(read.get("webUrl").asText()).startsWith(connector.sandbox.baseUrl() + "/wiki/");

        ApiClient.Response updated = api.put(c("/pages/" + id), Map.of("body", ApiClient.storage("<p>second</p>"), "baseVersion", 1,
                "message", "second edit"));
        assertThat(updated.status()).as("%s", updated).isEqualTo(200);
        assertThat(updated.json().get("version").asInt()).isEqualTo(2);
        assertProblem(api.put(c("/pages/" + id), Map.of("body", ApiClient.storage("<p>stale</p>"), "baseVersion", 1)), 409, "VERSION_CONFLICT");
        assertThat(connector.sandbox.findPage(id).orElseThrow().storage()).isEqualTo("<p>second</p>");

        ApiClient.Response wiki = api.put(c("/pages/" + id), Map.of("title", "HTTP Page renamed",
                "body", Map.of("representation", "wiki", "value", "h1. Wiki heading")));
        assertThat(wiki.status()).as("%s", wiki).isEqualTo(200);
        assertThat(connector.sandbox.findPage(id).orElseThrow().storage()).contains("<h1>Wiki heading</h1>");

        JsonNode versions = api.get(c("/pages/" + id + "/versions")).json();
        assertThat(versions.get("results")).extracting(v -> v.get("number").asInt()).contains(1, 2, 3);
        assertThat(versions.get("results")).anySatisfy(v -> assertThat(v.get("message").asText()).isEqualTo("second edit"));
        assertThat(versions.get("results").get(0).fieldNames()).toIterable().contains("number", "authorId", "message", "createdAt");

        createPage("HTTP Child", Optional.of(id));
        JsonNode children = api.get(c("/pages/" + id + "/children")).json();
        assertThat(children.get("results")).extracting(ch -> ch.get("title").asText()).containsExactly("HTTP Child");
        assertThat(children.get("results").get(0).fieldNames()).toIterable().contains("id", "title", "version", "webUrl");
        assertThat(children.has("nextCursor")).isTrue();
    }

    @Test
    void pages_are_searched_by_each_filter_and_paged_with_the_cursor() {
        String id = createPage("Searchable Alpha", Optional.empty(), "searchable").get("id").asText();
        createPage("Searchable Beta", Optional.empty(), "searchable");
        String today = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();

        assertThat(titles(c("/pages?spaceKey=INFRA&title=Searchable%20Alpha"))).containsExactly("Searchable Alpha");
        assertThat(titles(c("/pages?spaceKey=INFRA&titleContains=Searchable"))).containsExactlyInAnyOrder("Searchable Alpha", "Searchable Beta");
        assertThat(titles(c("/pages?label=searchable"))).containsExactlyInAnyOrder("Searchable Alpha", "Searchable Beta");
        assertThat(titles(c("/pages?spaceKey=INFRA&label=searchable&modifiedSince=" + today))).hasSize(2);
        assertThat(titles(c("/pages?cql=" + URLEncoder.encode("label = \"searchable\" AND title ~ \"Beta\"", StandardCharsets.UTF_8))))
                .containsExactly("Searchable Beta");
        JsonNode hit = api.get(c("/pages?spaceKey=INFRA&title=Searchable%20Alpha")).json().get("results").get(0);
        assertThat(hit.get("id").asText()).isEqualTo(id);
        assertThat(hit.fieldNames()).toIterable().contains("id", "spaceKey", "title", "version", "lastModified", "webUrl");

        JsonNode first = api.get(c("/pages?label=searchable&limit=1")).json();
        assertThat(first.get("results")).hasSize(1);
        String cursor = first.get("nextCursor").asText();
        JsonNode second = api.get(c("/pages?label=searchable&limit=1&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8))).json();
        assertThat(second.get("results")).hasSize(1);
        assertThat(second.get("results").get(0).get("id").asText()).isNotEqualTo(first.get("results").get(0).get("id").asText());

        assertProblem(api.get(c("/pages?modifiedSince=yesterday")), 400, "INVALID_INPUT");
    }

    private static List<String> titles(String path) {
        ApiClient.Response r = api.get(path);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.json().get("results").forEach(n -> out.add(n.get("title").asText()));
        return out;
    }

    @Test
    void labels_are_added_and_removed_and_an_attachment_is_uploaded_as_multipart() {
        String id = createPage("Labelled over HTTP", Optional.empty(), "first").get("id").asText();

        ApiClient.Response added = api.post(c("/pages/" + id + "/labels"), Map.of("labels", List.of("second", "third")));
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.json().get("labels")).extracting(JsonNode::asText).containsExactlyInAnyOrder("first", "second", "third");
        assertThat(api.delete(c("/pages/" + id + "/labels/second")).status()).isEqualTo(204);
        assertThat(connector.sandbox.findPage(id).orElseThrow().labels()).containsExactlyInAnyOrder("first", "third");
        assertThat(connector.askel.readAuditLog().read(AuditQuery.newest(WorkspaceIds.DEFAULT).withAction("labels.add")).entries())
                .extracting(AuditLogPage.AuditEntry::event)
                .filteredOn(e -> e.page().map(Object::toString).equals(Optional.of(id)))
                .as("audit events name the API key the request was served for")
                .singleElement().satisfies(e -> assertThat(e.apiKeyPrefix()).contains(apiKeyPrefix));
        assertProblem(api.post(c("/pages/" + id + "/labels"), Map.of("labels", List.of("has space"))), 400, "INVALID_INPUT");

        byte[] pdf = "%PDF-1.4 tiny".getBytes(StandardCharsets.UTF_8);
        ApiClient.Response attached = api.postFile(c("/pages/" + id + "/attachments"), "notes.pdf", "application/pdf", pdf,
                Optional.of("the notes"));
        assertThat(attached.status()).as("%s", attached).isEqualTo(201);
        JsonNode attachment = attached.json();
        assertThat(attachment.get("title").asText()).isEqualTo("notes.pdf");
        assertThat(attachment.get("fileSize").asLong()).isEqualTo(pdf.length);
        assertThat(attachment.get("mediaType").asText()).isEqualTo("application/pdf");
        assertThat(attachment.get("version").asInt()).isEqualTo(1);
        assertThat(attachment.get("downloadUrl").asText()).isNotBlank();
        assertThat(attachment.get("id").asText()).isNotBlank();
        assertThat(connector.sandbox.findPage(id).orElseThrow().attachments()).containsExactly("notes.pdf");
    }

    @Test
    void the_seed_story_over_http_publishes_a_runbook_201_then_200_unchanged_attaches_and_reads_it() {
        Map<String, Object> publish = Map.of("template", "customer-environment-runbook", "spaceKey", "INFRA", "title", "Crestview HTTP",
                "inputs", Map.of("environment", "Crestview HTTP", "customer", "Crestview Health", "status", "LIVE"));

        ApiClient.Response dry = api.post(c("/runbooks"), Map.of("template", "customer-environment-runbook", "spaceKey", "INFRA",
                "title", "Crestview HTTP", "inputs", publish.get("inputs"), "dryRun", true));
        assertThat(dry.status()).as("%s", dry).isEqualTo(200);
        assertThat(dry.json().get("outcome").asText()).isEqualTo("PLANNED");
        assertThat(connector.sandbox.findPageId("INFRA", "Crestview HTTP")).isEmpty();

        ApiClient.Response created = api.post(c("/runbooks"), publish);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode result = created.json();
        assertThat(result.get("outcome").asText()).isEqualTo("CREATED");
        assertThat(result.get("version").asInt()).isEqualTo(1);
        assertThat(result.get("webUrl").asText()).startsWith(connector.sandbox.baseUrl());
        String runbookId = result.get("id").asText();
        String pageId = result.get("pageId").asText();

        ApiClient.Response again = api.post(c("/runbooks"), publish);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("outcome").asText()).isEqualTo("UNCHANGED");
        assertThat(again.json().get("pageId").asText()).isEqualTo(pageId);

        ApiClient.Response attached = api.postFile(c("/runbooks/" + runbookId + "/attachments"), "crestview.png", "image/png",
                new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Optional.empty());
        assertThat(attached.status()).as("%s", attached).isEqualTo(201);
        SandboxPage page = connector.sandbox.findPage(pageId).orElseThrow();
        assertThat(page.attachments()).containsExactly("crestview.png");
        assertThat(page.labels()).containsExactlyInAnyOrder("auto-generated", "customer-runbook");
        assertThat(page.parentId()).isEqualTo(connector.sandbox.findPageId("INFRA", "Customer Environments"));

        ApiClient.Response runbook = api.get(c("/runbooks/" + runbookId));
        assertThat(runbook.status()).isEqualTo(200);
        assertThat(runbook.json().get("title").asText()).isEqualTo("Crestview HTTP");
        assertThat(runbook.json().get("template").asText()).isEqualTo("customer-environment-runbook");

        ApiClient.Response noInputs = api.post(c("/runbooks"), Map.of("template", "customer-environment-runbook", "spaceKey", "INFRA",
                "title", "Broken", "inputs", Map.of()));
        assertProblem(noInputs, 400, "INVALID_INPUT");
        assertThat(noInputs.body()).as("every missing input is listed").contains("environment", "customer", "status");
        assertProblem(api.post(c("/runbooks"), Map.of("template", "customer-environment-runbook", "spaceKey", "NOPE",
                "title", "Nowhere", "inputs", publish.get("inputs"))), 404, "NOT_FOUND");
    }

    @Test
    void templates_are_listed_with_their_inputs() {
        JsonNode templates = api.get("/api/v1/templates").json();

        assertThat(templates.isArray()).isTrue();
        JsonNode runbook = null;
        for (JsonNode t : templates) {
            if (t.get("id").asText().equals("customer-environment-runbook")) {
                runbook = t;
            }
        }
        assertThat(runbook).isNotNull();
        assertThat(runbook.get("version").asText()).isNotBlank();
        assertThat(runbook.get("name").asText()).isNotBlank();
        assertThat(runbook.get("inputs")).anySatisfy(i -> {
            assertThat(i.get("name").asText()).isEqualTo("environment");
            assertThat(i.get("required").asBoolean()).isTrue();
            assertThat(i.get("type").asText()).isNotBlank();
            assertThat(i.get("description").asText()).isNotBlank();
        });
    }

    @Test
    void an_idempotency_key_replays_the_stored_response_and_refuses_a_different_body_with_422() {
        Map<String, Object> body = Map.of("spaceKey", "INFRA", "title", "Idempotent page", "body", ApiClient.storage("<p>once</p>"));
        connector.sandbox.resetCounters();

        ApiClient.Response first = api.post(c("/pages"), body, "Idempotency-Key", "e2e-key-1");
        ApiClient.Response replay = api.post(c("/pages"), body, "Idempotency-Key", "e2e-key-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.json()).isEqualTo(first.json());
        assertThat(connector.sandbox.requestLog().count("POST /wiki/api/v2/pages")).isEqualTo(1);
        Map<String, Object> other = Map.of("spaceKey", "INFRA", "title", "Idempotent page 2", "body", ApiClient.storage("<p>other</p>"));
        assertProblem(api.post(c("/pages"), other, "Idempotency-Key", "e2e-key-1"), 422, "IDEMPOTENCY_KEY_REUSED");
        assertThat(connector.sandbox.findPageId("INFRA", "Idempotent page 2")).isEmpty();
    }

    @Test
    void errors_are_problem_json_with_code_and_detail_naming_the_field_or_confluences_reason() {
        ApiClient.Response missing = api.post(c("/pages"), Map.of("title", "No space", "body", ApiClient.storage("<p/>")));
        assertProblem(missing, 400, "INVALID_INPUT");
        assertThat(missing.body()).contains("spaceKey");

        ApiClient.Response malformed = api.post(c("/pages"), Map.of("spaceKey", "INFRA", "title", "Bad XHTML",
                "body", ApiClient.storage("<p>unclosed")));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("code").asText()).isIn("INVALID_STORAGE_FORMAT", "INVALID_INPUT");

        createPage("Taken title", Optional.empty());
        ApiClient.Response taken = api.post(c("/pages"), Map.of("spaceKey", "INFRA", "title", "Taken title", "body", ApiClient.storage("<p/>")));
        assertThat(taken.status()).isBetween(400, 499);
        assertThat(taken.json().get("detail").asText()).contains("Taken title");

        assertProblem(api.get(c("/pages/999999999")), 404, "NOT_FOUND");
        ApiClient.Response notJson = api.post(c("/pages"), "{not json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.contentType()).startsWith("application/problem+json");
    }

    @Test
    void permission_drift_size_media_type_and_confluence_failures_are_problems_with_their_status_and_code() throws java.io.IOException {
        String pageId = createPage("Read-only for Bob", Optional.empty()).get("id").asText();
        String bob = api.post("/api/v1/connections", Map.of("name", "bob", "siteUrl", connector.sandbox.baseUrl(),
                "email", "bob@example.com", "apiToken", "bob-token")).json().get("id").asText();
        assertProblem(api.post("/api/v1/connections/" + bob + "/pages/" + pageId + "/labels", Map.of("labels", List.of("bob"))),
                403, "PERMISSION_DENIED");

        Map<String, Object> runbook = Map.of("template", "customer-environment-runbook", "spaceKey", "INFRA", "title", "Drifting",
                "inputs", Map.of("environment", "Drifting", "customer", "Crestview Health", "status", "LIVE"));
        String runbookPage = api.post(c("/runbooks"), runbook).json().get("pageId").asText();
        connector.sandbox.editPage(runbookPage, "ada@example.com", "<p>edited by hand in Confluence</p>");
        ApiClient.Response drift = api.post(c("/runbooks"), runbook);
        assertProblem(drift, 409, "DRIFT_DETECTED");
        assertThat(connector.sandbox.findPage(runbookPage).orElseThrow().storage()).isEqualTo("<p>edited by hand in Confluence</p>");
        Map<String, Object> overwrite = new java.util.HashMap<>(runbook);
        overwrite.put("onDrift", "overwrite");
        ApiClient.Response overwritten = api.post(c("/runbooks"), overwrite);
        assertThat(overwritten.json().get("outcome").asText()).as("%s", overwritten).isEqualTo("UPDATED");
        connector.sandbox.restrictEditing(runbookPage, "bob@example.com");
        Map<String, Object> changed = new java.util.HashMap<>(overwrite);
        changed.put("inputs", Map.of("environment", "Drifting", "customer", "Crestview Health", "status", "LIVE", "notes", "Changed"));
        ApiClient.Response lost = api.post(c("/runbooks"), changed);
        assertProblem(lost, 403, "PERMISSION_LOST");
        assertThat(lost.json().get("detail").asText()).contains("'Drifting' (page " + runbookPage).contains("no longer change it");
        connector.sandbox.restrictEditing(runbookPage);

        String tooLarge = headOnlyPost(c("/pages"), 5L * 1024 * 1024 + 100);
        assertThat(tooLarge).startsWith("HTTP/1.1 413").contains("application/problem+json")
                .contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
        ApiClient.Response text = ApiClient.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.port()
                + c("/pages"))).header("Authorization", "Bearer " + apiKey).header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("hello")));
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.contentType()).startsWith("application/problem+json");

        try {
            connector.sandbox.faults().failNext("GET", "/wiki/api/v2/pages/" + pageId, 503, 1);
            ApiClient.Response unavailable = api.get(c("/pages/" + pageId));
            assertProblem(unavailable, 503, "CONFLUENCE_UNAVAILABLE");
            assertThat(unavailable.json().get("traceId").asText()).as("Confluence's trace id").matches("[0-9a-f]{16,}");
            connector.sandbox.faults().failNext("GET", "/wiki/api/v2/pages/" + pageId, 429, 1, java.time.Duration.ofSeconds(7));
            ApiClient.Response limited = api.get(c("/pages/" + pageId));
            assertProblem(limited, 429, "RATE_LIMITED");
            assertThat(limited.raw().headers().firstValue("Retry-After")).isPresent();
        } finally {
            connector.sandbox.faults().clear();
        }
        assertThat(api.get(c("/pages/" + pageId)).status()).isEqualTo(200);
    }

    @Test
    void health_metrics_and_the_openapi_document_are_served() {
        ApiClient anonymous = api.anonymous();
        assertThat(anonymous.get("/health/live").status()).isEqualTo(200);
        ApiClient.Response ready = anonymous.get("/health/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("status").asText()).isEqualToIgnoringCase("UP");

        api.get(c("/spaces"));
        String metrics = anonymous.get("/metrics").body();
        assertThat(metrics).contains("askel_http_requests_seconds_count{", "askel_confluence_call_duration_seconds_bucket{",
                "askel_confluence_calls_in_flight{connection=\"" + cid + "\"}", "askel_confluence_rejections_total{",
                "askel_confluence_deadline_expiries_total{", "askel_http_threads_busy");

        JsonNode openapi = anonymous.get("/openapi.json").json();
        assertThat(openapi.get("openapi").asText()).startsWith("3.1");
        assertThat(openapi.get("paths").has("/api/v1/connections/{connectionId}/runbooks")).isTrue();
    }

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};

    private static Map<String, Object> seedRunbook(String title) {
        return Map.of("template", "customer-environment-runbook", "spaceKey", "INFRA", "title", title,
                "inputs", Map.of("environment", title, "customer", "Crestview Health", "status", "LIVE",
                        "architectureDiagram", "architecture.png"));
    }

    private static void assertShowsTheDiagram(String pageId) {
        String storage = connector.sandbox.findPage(pageId).orElseThrow().storage();
        assertThat(storage).contains("<ac:image").contains("ri:filename=\"architecture.png\"").doesNotContain("Diagram not attached");
    }

    @Test
    void the_seed_story_in_one_multipart_request_shows_the_diagram_and_a_republish_costs_one_call() {
        ApiClient.Response created = api.postWithFiles(c("/runbooks"), seedRunbook("Crestview Multipart"), Map.of("architecture.png", PNG));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String pageId = created.json().get("pageId").asText();
        assertShowsTheDiagram(pageId);
        assertThat(connector.sandbox.findPage(pageId).orElseThrow().attachments()).containsExactly("architecture.png");
        assertThat(connector.sandbox.findPage(pageId).orElseThrow().labels()).containsExactlyInAnyOrder("auto-generated", "customer-runbook");

        connector.sandbox.resetCounters();
        ApiClient.Response again = api.postWithFiles(c("/runbooks"), seedRunbook("Crestview Multipart"), Map.of("architecture.png", PNG));
        assertThat(again.json().get("outcome").asText()).isEqualTo("UNCHANGED");
        assertThat(connector.sandbox.requestLog().total()).isEqualTo(1);
        assertThat(api.post(c("/runbooks"), seedRunbook("Crestview Multipart")).json().get("outcome").asText())
                .as("without resending the unchanged file").isEqualTo("UNCHANGED");
    }

    @Test
    void the_seed_story_over_two_requests_shows_the_diagram_once_it_is_attached_and_a_republish_changes_nothing() {
        ApiClient.Response created = api.post(c("/runbooks"), seedRunbook("Crestview Two Requests"));
        String pageId = created.json().get("pageId").asText();
        assertThat(connector.sandbox.findPage(pageId).orElseThrow().storage()).contains("Diagram not attached");

        ApiClient.Response attached = api.postFile(c("/runbooks/" + created.json().get("id").asText() + "/attachments"), "architecture.png",
                "image/png", PNG, Optional.empty());

        assertThat(attached.status()).as("%s", attached).isEqualTo(201);
        assertShowsTheDiagram(pageId);
        connector.sandbox.resetCounters();
        ApiClient.Response again = api.post(c("/runbooks"), seedRunbook("Crestview Two Requests"));
        assertThat(again.json().get("outcome").asText()).isEqualTo("UNCHANGED");
        assertThat(connector.sandbox.requestLog().total()).isEqualTo(1);
        assertShowsTheDiagram(pageId);
    }

    @Test
    void a_body_the_product_compiled_is_published_over_http_with_its_diagram_and_tracked_for_drift() {
        Map<String, Object> request = Map.of("spaceKey", "INFRA", "title", "Crestview Compiled", "body", ApiClient.storage(
                "<h1>Crestview Compiled</h1><p>Region: eu-west-1</p><ac:image><ri:attachment ri:filename=\"architecture.png\" /></ac:image>"));

        ApiClient.Response created = api.postWithFiles(c("/runbooks"), request, Map.of("architecture.png", PNG));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String pageId = created.json().get("pageId").asText();
        assertShowsTheDiagram(pageId);
        ApiClient.Response runbook = api.get(c("/runbooks/" + created.json().get("id").asText()));
        assertThat(runbook.json().get("source").asText()).isEqualTo("body");
        connector.sandbox.resetCounters();
        assertThat(api.post(c("/runbooks"), request).json().get("outcome").asText()).isEqualTo("UNCHANGED");
        assertThat(connector.sandbox.requestLog().total()).isEqualTo(1);

        connector.sandbox.editPage(pageId, "ada@example.com", "<p>edited by hand</p>");
        assertProblem(api.post(c("/runbooks"), request), 409, "DRIFT_DETECTED");
    }
}
