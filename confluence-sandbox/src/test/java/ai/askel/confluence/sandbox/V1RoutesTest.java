package ai.askel.confluence.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class V1RoutesTest {

    private ConfluenceSandbox sandbox;
    private TestClient ada;
    private TestClient bob;
    private String runbook;

    @BeforeEach
    void start() {
        sandbox = ConfluenceSandbox.builder()
                .user("ada@example.com", "token-1", "557058:ada", "Ada")
                .user("bob@example.com", "token-2", "557058:bob", "Bob")
                .space("INFRA", "Infrastructure")
                .space("ENG", "Engineering")
                .permission("bob@example.com", "INFRA", Permission.READ)
                .permission("bob@example.com", "ENG", Permission.NONE)
                .page("INFRA", "Runbook", "<p>restart things</p>")
                .page("ENG", "Release notes", "<p>notes</p>")
                .maxAttachmentBytes(1024)
                .start();
        ada = TestClient.as(sandbox, "ada@example.com", "token-1");
        bob = TestClient.as(sandbox, "bob@example.com", "token-2");
        runbook = sandbox.findPageId("INFRA", "Runbook").orElseThrow();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private JsonNode search(TestClient client, String cql, String extra) {
        TestClient.Response r = client.get("/wiki/rest/api/content/search?cql=" + TestClient.q(cql) + extra);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void cql_search_returns_content_with_expanded_space_version_and_labels() {
        sandbox.addLabels(runbook, "Ops");
        JsonNode result = search(ada, "type = page AND space = \"INFRA\" AND label = \"ops\"",
                "&expand=space,version,metadata.labels");
        assertThat(result.get("results")).hasSize(1);
        JsonNode content = result.at("/results/0");
        assertThat(content.get("id").asText()).isEqualTo(runbook);
        assertThat(content.get("title").asText()).isEqualTo("Runbook");
        assertThat(content.at("/space/key").asText()).isEqualTo("INFRA");
        assertThat(content.at("/version/number").asInt()).isEqualTo(1);
        assertThat(content.at("/version/by/accountId").asText()).isEqualTo("557058:ada");
        assertThat(content.at("/metadata/labels/results/0/name").asText()).isEqualTo("ops");
        assertThat(result.get("size").asInt()).isEqualTo(1);
        assertThat(result.at("/_links/base").asText()).isEqualTo(sandbox.baseUrl() + "/wiki");
        assertThat(result.at("/_links/next").isMissingNode()).isTrue();
    }

    @Test
    void search_hides_spaces_the_caller_cannot_read() {
        assertThat(search(ada, "type = page", "").get("results")).hasSize(4);
        assertThat(search(bob, "type = page", "").get("results")).extracting(n -> n.get("title").asText())
                .containsExactly("Infrastructure Home", "Runbook");
    }

    @Test
    void invalid_cql_answers_400_naming_the_problem() {
        TestClient.Response r = ada.get("/wiki/rest/api/content/search?cql=" + TestClient.q("creator = ada"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("message").asText()).contains("unsupported field 'creator'");
        assertThat(r.json().get("statusCode").asInt()).isEqualTo(400);
        assertThat(ada.get("/wiki/rest/api/content/search").status()).isEqualTo(400);
    }

    @Test
    void v1_pagination_follows_base_plus_next_over_several_pages() {
        for (int i = 0; i < 4; i++) {
            sandbox.createPage("INFRA", "Extra " + i, "<p/>", "ada@example.com");
        }
        List<String> titles = new ArrayList<>();
        JsonNode page = search(ada, "space = INFRA ORDER BY title ASC", "&limit=2&expand=version");
        int requests = 1;
        while (true) {
            page.get("results").forEach(n -> titles.add(n.get("title").asText()));
            JsonNode next = page.at("/_links/next");
            if (next.isMissingNode()) {
                break;
            }
            assertThat(next.asText()).startsWith("/rest/api/content/search?").contains("cursor=");
            String url = page.at("/_links/base").asText() + next.asText();
            assertThat(url).startsWith(sandbox.baseUrl() + "/wiki/rest/api/content/search?");
            TestClient.Response r = ada.get(url.substring(sandbox.baseUrl().length()));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            page = r.json();
            requests++;
        }
        assertThat(requests).isEqualTo(3);
        assertThat(titles).containsExactly("Extra 0", "Extra 1", "Extra 2", "Extra 3", "Infrastructure Home",
                "Runbook");
    }

    @Test
    void search_lags_writes_by_the_configured_index_delay() throws InterruptedException {
        sandbox.indexDelay(Duration.ofMillis(300));
        sandbox.createPage("INFRA", "Fresh page", "<p/>", "ada@example.com");
        sandbox.renamePage(runbook, "ada@example.com", "Renamed runbook");
        assertThat(search(ada, "title = \"Fresh page\"", "").get("results")).isEmpty();
        assertThat(search(ada, "title = \"Runbook\"", "").get("results")).hasSize(1);
        Thread.sleep(400);
        assertThat(search(ada, "title = \"Fresh page\"", "").get("results")).hasSize(1);
        assertThat(search(ada, "title = \"Runbook\"", "").get("results")).isEmpty();
        assertThat(search(ada, "title ~ renamed", "").get("results")).hasSize(1);
    }

    @Test
    void labels_are_added_lower_cased_from_an_array_or_a_single_object_and_the_answer_lists_all() {
        TestClient.Response first = ada.post("/wiki/rest/api/content/" + runbook + "/label",
                List.of(Map.of("prefix", "global", "name", "Release-Notes"), Map.of("prefix", "global", "name", "q3")));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        TestClient.Response second = ada.post("/wiki/rest/api/content/" + runbook + "/label",
                Map.of("prefix", "global", "name", "ops"));
        assertThat(second.json().get("results")).extracting(n -> n.get("name").asText())
                .containsExactly("release-notes", "q3", "ops");
        assertThat(second.json().at("/results/0/label").asText()).isEqualTo("release-notes");
        assertThat(second.json().get("size").asInt()).isEqualTo(3);
    }

    @Test
    void invalid_labels_answer_400() {
        assertThat(ada.post("/wiki/rest/api/content/" + runbook + "/label",
                List.of(Map.of("prefix", "global", "name", "two words"))).status()).isEqualTo(400);
        assertThat(ada.post("/wiki/rest/api/content/" + runbook + "/label",
                List.of(Map.of("prefix", "nope", "name", "x"))).status()).isEqualTo(400);
    }

    @Test
    void labels_are_removed_by_query_or_path_and_a_slash_in_the_path_form_answers_400() {
        sandbox.addLabels(runbook, "a", "b");
        assertThat(ada.delete("/wiki/rest/api/content/" + runbook + "/label?name=a").status()).isEqualTo(204);
        assertThat(ada.delete("/wiki/rest/api/content/" + runbook + "/label/b").status()).isEqualTo(204);
        assertThat(sandbox.findPage(runbook).orElseThrow().labels()).isEmpty();
        assertThat(ada.delete("/wiki/rest/api/content/" + runbook + "/label/x/y").status()).isEqualTo(400);
        assertThat(ada.delete("/wiki/rest/api/content/" + runbook + "/label?name=never").status()).isEqualTo(404);
    }

    @Test
    void read_only_user_gets_403_on_v1_writes_and_404_where_it_cannot_read() {
        assertThat(bob.post("/wiki/rest/api/content/" + runbook + "/label", Map.of("prefix", "global", "name", "x"))
                .status()).isEqualTo(403);
        assertThat(bob.upload("PUT", "/wiki/rest/api/content/" + runbook + "/child/attachment", "a.txt",
                "x".getBytes(), null, "no-check").status()).isEqualTo(403);
        String eng = sandbox.findPageId("ENG", "Release notes").orElseThrow();
        assertThat(bob.post("/wiki/rest/api/content/" + eng + "/label", Map.of("prefix", "global", "name", "x"))
                .status()).isEqualTo(404);
    }

    @Test
    void attachments_are_created_or_updated_by_file_name_with_put_and_stored_on_disk() throws Exception {
        TestClient.Response first = ada.upload("PUT", "/wiki/rest/api/content/" + runbook + "/child/attachment",
                "notes.txt", "hello".getBytes(), "first", "no-check");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().at("/results/0/title").asText()).isEqualTo("notes.txt");
        assertThat(first.json().at("/results/0/extensions/fileSize").asLong()).isEqualTo(5);
        assertThat(first.json().at("/results/0/extensions/comment").asText()).isEqualTo("first");
        assertThat(first.json().at("/results/0/version/number").asInt()).isEqualTo(1);

        TestClient.Response second = ada.upload("PUT", "/wiki/rest/api/content/" + runbook + "/child/attachment",
                "notes.txt", "hello world".getBytes(), null, "nocheck");
        assertThat(second.json().at("/results/0/version/number").asInt()).isEqualTo(2);
        assertThat(second.json().at("/results/0/id").asText()).isEqualTo(first.json().at("/results/0/id").asText());

        try (var files = Files.list(sandbox.attachmentDirectory())) {
            assertThat(files.filter(Files::isRegularFile).map(p -> {
                try {
                    return Files.readString(p);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            })).contains("hello", "hello world");
        }
    }

    @Test
    void post_refuses_an_existing_file_name_and_uploads_need_the_xsrf_header() {
        assertThat(ada.upload("POST", "/wiki/rest/api/content/" + runbook + "/child/attachment", "a.txt",
                "x".getBytes(), null, "nocheck").status()).isEqualTo(200);
        assertThat(ada.upload("POST", "/wiki/rest/api/content/" + runbook + "/child/attachment", "a.txt",
                "y".getBytes(), null, "nocheck").status()).isEqualTo(400);
        TestClient.Response noToken = ada.upload("PUT", "/wiki/rest/api/content/" + runbook + "/child/attachment",
                "b.txt", "x".getBytes(), null, null);
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(noToken.body()).isEqualTo("XSRF check failed");
    }

    @Test
    void an_attachment_over_the_maximum_size_answers_404_as_confluence_does() {
        TestClient.Response r = ada.upload("PUT", "/wiki/rest/api/content/" + runbook + "/child/attachment",
                "big.bin", new byte[2048], null, "no-check");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("message").asText()).contains("exceeds the maximum configured attachment size");
        assertThat(sandbox.findPage(runbook).orElseThrow().attachments()).isEmpty();
    }

    @Test
    void current_user_is_the_caller_or_the_anonymous_user() {
        JsonNode me = ada.get("/wiki/rest/api/user/current").json();
        assertThat(me.get("type").asText()).isEqualTo("known");
        assertThat(me.get("accountId").asText()).isEqualTo("557058:ada");
        assertThat(me.get("displayName").asText()).isEqualTo("Ada");
        JsonNode anonymous = TestClient.anonymous(sandbox).get("/wiki/rest/api/user/current").json();
        assertThat(anonymous.get("type").asText()).isEqualTo("anonymous");
        assertThat(anonymous.has("accountId")).isFalse();
    }

    @Test
    void removed_v1_page_endpoints_answer_410_gone() {
        for (TestClient.Response r : List.of(ada.get("/wiki/rest/api/content/" + runbook),
                ada.get("/wiki/rest/api/content?limit=1"), ada.post("/wiki/rest/api/content", Map.of("type", "page")),
                ada.put("/wiki/rest/api/content/" + runbook, Map.of()), ada.get("/wiki/rest/api/space"),
                ada.get("/wiki/rest/api/content/" + runbook + "/label"))) {
            assertThat(r.status()).isEqualTo(410);
            assertThat(r.json().get("message").asText()).isEqualTo("com.atlassian.confluence.api.service.exceptions"
                    + ".GoneException: This deprecated endpoint has been removed.");
        }
    }
}
