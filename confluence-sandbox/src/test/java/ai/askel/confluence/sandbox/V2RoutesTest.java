package ai.askel.confluence.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class V2RoutesTest {

    private ConfluenceSandbox sandbox;
    private TestClient ada;
    private TestClient bob;
    private String infra;

    @BeforeEach
    void start() {
        sandbox = ConfluenceSandbox.builder()
                .user("ada@example.com", "token-1", "557058:ada", "Ada")
                .user("bob@example.com", "token-2", "557058:bob", "Bob")
                .space("INFRA", "Infrastructure")
                .space("ENG", "Engineering")
                .permission("bob@example.com", "INFRA", Permission.READ)
                .permission("bob@example.com", "ENG", Permission.NONE)
                .start();
        ada = TestClient.as(sandbox, "ada@example.com", "token-1");
        bob = TestClient.as(sandbox, "bob@example.com", "token-2");
        infra = sandbox.spaceId("INFRA");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private JsonNode create(String title, String representation, String value) {
        TestClient.Response r = ada.post("/wiki/api/v2/pages", Map.of("spaceId", infra, "status", "current",
                "title", title, "body", Map.of("representation", representation, "value", value)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void spaces_are_found_by_key_and_id_and_hidden_from_users_without_permission() {
        JsonNode byKey = ada.get("/wiki/api/v2/spaces?keys=INFRA").json();
        assertThat(byKey.get("results")).hasSize(1);
        assertThat(byKey.at("/results/0/key").asText()).isEqualTo("INFRA");
        assertThat(byKey.at("/results/0/id").asText()).isEqualTo(infra);
        assertThat(byKey.at("/results/0/homepageId").asText()).isEqualTo(sandbox.homepageId("INFRA"));
        assertThat(byKey.at("/_links/base").asText()).isEqualTo(sandbox.baseUrl() + "/wiki");

        JsonNode single = ada.get("/wiki/api/v2/spaces/" + infra).json();
        assertThat(single.get("name").asText()).isEqualTo("Infrastructure");

        assertThat(bob.get("/wiki/api/v2/spaces").json().get("results")).extracting(n -> n.get("key").asText())
                .containsExactly("INFRA");
        assertThat(bob.get("/wiki/api/v2/spaces/" + sandbox.spaceId("ENG")).status()).isEqualTo(404);
    }

    @Test
    void created_page_answers_200_with_the_page_and_can_be_read_back_with_its_storage_body() {
        JsonNode created = create("Runbook", "storage", "<p>Hello</p>");
        assertThat(created.get("title").asText()).isEqualTo("Runbook");
        assertThat(created.get("spaceId").asText()).isEqualTo(infra);
        assertThat(created.get("parentId").asText()).isEqualTo(sandbox.homepageId("INFRA"));
        assertThat(created.at("/version/number").asInt()).isEqualTo(1);
        assertThat(created.at("/version/authorId").asText()).isEqualTo("557058:ada");
        assertThat(created.at("/_links/base").asText()).isEqualTo(sandbox.baseUrl() + "/wiki");

        JsonNode read = ada.get("/wiki/api/v2/pages/" + created.get("id").asText() + "?body-format=storage").json();
        assertThat(read.at("/body/storage/value").asText()).isEqualTo("<p>Hello</p>");
        assertThat(read.at("/body/storage/representation").asText()).isEqualTo("storage");
        JsonNode withoutBody = ada.get("/wiki/api/v2/pages/" + created.get("id").asText()).json();
        assertThat(withoutBody.get("body").size()).isZero();
    }

    @Test
    void nested_body_form_and_root_level_are_accepted() {
        TestClient.Response r = ada.post("/wiki/api/v2/pages?root-level=true", Map.of("spaceId", infra,
                "title", "Top", "body", Map.of("storage", Map.of("representation", "storage", "value", "<p>x</p>"))));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().has("parentId")).isFalse();
    }

    @Test
    void wiki_markup_is_stored_as_storage_format() {
        JsonNode created = create("Wiki page", "wiki", "h1. Title\n\nSome *bold* text\n* one\n* two");
        JsonNode read = ada.get("/wiki/api/v2/pages/" + created.get("id").asText() + "?body-format=storage").json();
        assertThat(read.at("/body/storage/value").asText()).isEqualTo(
                "<h1>Title</h1><p>Some <strong>bold</strong> text</p><ul><li>one</li><li>two</li></ul>");
    }

    @Test
    void duplicate_title_in_a_space_answers_400_with_confluences_message() {
        create("Runbook", "storage", "<p>a</p>");
        TestClient.Response r = ada.post("/wiki/api/v2/pages", Map.of("spaceId", infra, "title", "Runbook",
                "body", Map.of("representation", "storage", "value", "<p>b</p>")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/errors/0/title").asText()).isEqualTo("A page with this title already exists: "
                + "A page already exists with the title Runbook in the space with key INFRA");
        TestClient.Response otherSpace = ada.post("/wiki/api/v2/pages", Map.of("spaceId", sandbox.spaceId("ENG"),
                "title", "Runbook", "body", Map.of("representation", "storage", "value", "<p>b</p>")));
        assertThat(otherSpace.status()).isEqualTo(200);
    }

    @Test
    void malformed_storage_body_answers_400_with_the_parsers_reason() {
        TestClient.Response r = ada.post("/wiki/api/v2/pages", Map.of("spaceId", infra, "title", "Broken",
                "body", Map.of("representation", "storage", "value", "<p>unclosed")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/errors/0/title").asText()).startsWith("Error parsing xhtml: ").contains("p");
    }

    @Test
    void storage_body_with_a_doctype_is_rejected_so_no_external_entity_is_read() {
        TestClient.Response r = ada.post("/wiki/api/v2/pages", Map.of("spaceId", infra, "title", "XXE",
                "body", Map.of("representation", "storage", "value",
                        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><p>&e;</p>")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).doesNotContain("root:");
    }

    @Test
    void a_body_over_5_mb_answers_413_and_invalid_json_answers_400() {
        String big = "<p>" + "x".repeat(5 * 1024 * 1024) + "</p>";
        TestClient.Response tooLarge = ada.post("/wiki/api/v2/pages", Map.of("spaceId", infra, "title", "Big",
                "body", Map.of("representation", "storage", "value", big)));
        assertThat(tooLarge.status()).isEqualTo(413);
        TestClient.Response invalid = ada.post("/wiki/api/v2/pages", "{\"spaceId\": ");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().at("/errors/0/title").asText()).startsWith("The request body is not valid JSON");
    }

    @Test
    void missing_title_and_unknown_space_are_rejected() {
        assertThat(ada.post("/wiki/api/v2/pages", Map.of("spaceId", infra)).status()).isEqualTo(400);
        assertThat(ada.post("/wiki/api/v2/pages", Map.of("spaceId", "999999", "title", "x")).status())
                .isEqualTo(404);
    }

    @Test
    void update_with_the_next_version_succeeds_and_a_stale_version_answers_409_with_the_v2_payload() {
        String id = create("Runbook", "storage", "<p>v1</p>").get("id").asText();
        Map<String, Object> v2 = Map.of("id", id, "status", "current", "title", "Runbook",
                "body", Map.of("representation", "storage", "value", "<p>v2</p>"),
                "version", Map.of("number", 2, "message", "second"));
        TestClient.Response ok = ada.put("/wiki/api/v2/pages/" + id, v2);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().at("/version/number").asInt()).isEqualTo(2);
        assertThat(ok.json().at("/version/message").asText()).isEqualTo("second");
        ada.put("/wiki/api/v2/pages/" + id, Map.of("id", id, "status", "current", "title", "Runbook",
                "body", Map.of("representation", "storage", "value", "<p>v3</p>"), "version", Map.of("number", 3)));

        TestClient.Response stale = ada.put("/wiki/api/v2/pages/" + id, Map.of("id", id, "status", "current",
                "title", "Runbook", "body", Map.of("representation", "storage", "value", "<p>x</p>"),
                "version", Map.of("number", 3)));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).isEqualTo("{\"errors\":[{\"status\":\"409\",\"code\":\"CONFLICT\",\"title\":"
                + "\"Version must be incremented when updating a page. Current Version: [3]. Provided version: [3]\","
                + "\"detail\":null}]}");
    }

    @Test
    void concurrent_updates_with_the_same_version_let_exactly_one_win() throws Exception {
        String id = create("Contended", "storage", "<p>v1</p>").get("id").asText();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String body = "<p>writer " + i + "</p>";
                statuses.add(pool.submit(() -> ada.put("/wiki/api/v2/pages/" + id, Map.of("id", id, "status",
                        "current", "title", "Contended", "body", Map.of("representation", "storage", "value", body),
                        "version", Map.of("number", 2))).status()));
            }
            List<Integer> results = new ArrayList<>();
            for (java.util.concurrent.Future<Integer> status : statuses) {
                results.add(status.get());
            }
            assertThat(results).containsOnly(200, 409);
            assertThat(results.stream().filter(s -> s == 200)).hasSize(1);
            assertThat(sandbox.findPage(id).orElseThrow().version()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void older_versions_are_readable_and_listed_newest_first() {
        String id = create("Runbook", "storage", "<p>v1</p>").get("id").asText();
        sandbox.editPage(id, "bob@example.com", "<p>v2</p>");
        JsonNode v1 = ada.get("/wiki/api/v2/pages/" + id + "?body-format=storage&version=1").json();
        assertThat(v1.at("/body/storage/value").asText()).isEqualTo("<p>v1</p>");
        assertThat(v1.at("/version/number").asInt()).isEqualTo(1);
        JsonNode versions = ada.get("/wiki/api/v2/pages/" + id + "/versions").json();
        assertThat(versions.get("results")).extracting(n -> n.get("number").asInt()).containsExactly(2, 1);
        assertThat(versions.at("/results/0/authorId").asText()).isEqualTo("557058:bob");
        assertThat(ada.get("/wiki/api/v2/pages/" + id + "?version=9").status()).isEqualTo(404);
    }

    @Test
    void parent_id_in_an_update_moves_the_page_and_children_and_ancestors_follow() {
        String parent = create("Parent", "storage", "<p/>").get("id").asText();
        String child = create("Child", "storage", "<p/>").get("id").asText();
        TestClient.Response moved = ada.put("/wiki/api/v2/pages/" + child, Map.of("id", child, "status", "current",
                "title", "Child", "parentId", parent, "body", Map.of("representation", "storage", "value", "<p/>"),
                "version", Map.of("number", 2)));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("parentId").asText()).isEqualTo(parent);
        assertThat(ada.get("/wiki/api/v2/pages/" + parent + "/direct-children").json().get("results"))
                .extracting(n -> n.get("id").asText()).containsExactly(child);
        assertThat(ada.get("/wiki/api/v2/pages/" + parent + "/children").json().get("results"))
                .extracting(n -> n.get("title").asText()).containsExactly("Child");
        assertThat(ada.get("/wiki/api/v2/pages/" + child + "/ancestors").json().get("results"))
                .extracting(n -> n.get("id").asText()).containsExactly(sandbox.homepageId("INFRA"), parent);
    }

    @Test
    void renaming_onto_an_existing_title_answers_400_and_changes_nothing() {
        String parent = create("Parent", "storage", "<p/>").get("id").asText();
        String page = create("Page", "storage", "<p/>").get("id").asText();
        TestClient.Response r = ada.put("/wiki/api/v2/pages/" + page, Map.of("id", page, "status", "current",
                "title", "Parent", "parentId", parent, "body", Map.of("representation", "storage", "value", "<p/>"),
                "version", Map.of("number", 2)));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/errors/0/title").asText()).contains("already exists with the title Parent");
        SandboxPage unchanged = sandbox.findPage(page).orElseThrow();
        assertThat(unchanged.version()).isEqualTo(1);
        assertThat(unchanged.parentId()).contains(sandbox.homepageId("INFRA"));
    }

    @Test
    void read_only_user_reads_but_gets_404_on_v2_writes_and_a_user_without_access_sees_nothing() {
        String id = create("Runbook", "storage", "<p>v1</p>").get("id").asText();
        assertThat(bob.get("/wiki/api/v2/pages/" + id).status()).isEqualTo(200);
        assertThat(bob.put("/wiki/api/v2/pages/" + id, Map.of("id", id, "status", "current", "title", "Runbook",
                "body", Map.of("representation", "storage", "value", "<p/>"), "version", Map.of("number", 2)))
                .status()).isEqualTo(404);
        assertThat(bob.post("/wiki/api/v2/pages", Map.of("spaceId", infra, "title", "New",
                "body", Map.of("representation", "storage", "value", "<p/>"))).status()).isEqualTo(404);

        sandbox.setPermission("bob@example.com", "INFRA", Permission.NONE);
        assertThat(bob.get("/wiki/api/v2/pages/" + id).status()).isEqualTo(404);
        assertThat(bob.get("/wiki/api/v2/pages?space-id=" + infra).json().get("results")).isEmpty();
    }

    @Test
    void anonymous_reads_only_spaces_that_allow_it() {
        String id = create("Runbook", "storage", "<p>v1</p>").get("id").asText();
        TestClient anonymous = TestClient.anonymous(sandbox);
        assertThat(anonymous.get("/wiki/api/v2/pages/" + id).status()).isEqualTo(404);
        assertThat(anonymous.get("/wiki/api/v2/spaces").json().get("results")).isEmpty();
        sandbox.anonymousRead("INFRA", true);
        assertThat(anonymous.get("/wiki/api/v2/pages/" + id).status()).isEqualTo(200);
        assertThat(anonymous.post("/wiki/api/v2/pages", Map.of("spaceId", infra, "title", "Anon",
                "body", Map.of("representation", "storage", "value", "<p/>"))).status()).isEqualTo(404);
    }

    @Test
    void pages_are_found_by_title_in_a_space() {
        create("Runbook", "storage", "<p/>");
        create("Other", "storage", "<p/>");
        JsonNode found = ada.get("/wiki/api/v2/pages?space-id=" + infra + "&title=Runbook&body-format=storage")
                .json();
        assertThat(found.get("results")).extracting(n -> n.get("title").asText()).containsExactly("Runbook");
        assertThat(found.at("/results/0/body/storage/value").asText()).isEqualTo("<p/>");
        assertThat(ada.get("/wiki/api/v2/pages?space-id=" + infra + "&title=runbook").json().get("results"))
                .isEmpty();
    }

    @Test
    void v2_pagination_follows_next_links_and_the_link_header_over_several_pages() {
        for (int i = 0; i < 5; i++) {
            create("Page " + i, "storage", "<p/>");
        }
        List<String> titles = new ArrayList<>();
        String next = "/wiki/api/v2/pages?space-id=" + infra + "&limit=2";
        int requests = 0;
        while (next != null) {
            TestClient.Response r = ada.get(next);
            requests++;
            r.json().get("results").forEach(n -> titles.add(n.get("title").asText()));
            JsonNode link = r.json().at("/_links/next");
            if (link.isMissingNode()) {
                assertThat(r.header("Link")).isNull();
                next = null;
            } else {
                next = link.asText();
                assertThat(next).startsWith("/wiki/api/v2/pages?").contains("limit=2").contains("cursor=");
                assertThat(r.header("Link")).isEqualTo("<" + next + ">; rel=\"next\", <" + sandbox.baseUrl()
                        + "/wiki>; rel=\"base\"");
            }
        }
        assertThat(requests).isEqualTo(3);
        assertThat(titles).containsExactly("Infrastructure Home", "Page 0", "Page 1", "Page 2", "Page 3", "Page 4");
    }

    @Test
    void bad_limit_or_cursor_answers_400() {
        assertThat(ada.get("/wiki/api/v2/pages?limit=0").status()).isEqualTo(400);
        assertThat(ada.get("/wiki/api/v2/pages?limit=251").status()).isEqualTo(400);
        assertThat(ada.get("/wiki/api/v2/pages?cursor=nonsense").status()).isEqualTo(400);
    }

    @Test
    void include_labels_returns_50_with_has_more_and_the_labels_endpoint_pages_the_rest() {
        String id = create("Labelled", "storage", "<p/>").get("id").asText();
        for (int i = 0; i < 60; i++) {
            sandbox.addLabels(id, String.format("Label-%02d", i));
        }
        JsonNode page = ada.get("/wiki/api/v2/pages/" + id + "?include-labels=true").json();
        assertThat(page.at("/labels/results")).hasSize(50);
        assertThat(page.at("/labels/results/0/name").asText()).isEqualTo("label-00");
        assertThat(page.at("/labels/meta/hasMore").asBoolean()).isTrue();
        assertThat(page.at("/labels/_links/self").asText()).isEqualTo("/wiki/api/v2/pages/" + id + "/labels");

        JsonNode all = ada.get("/wiki/api/v2/pages/" + id + "/labels?limit=250").json();
        assertThat(all.get("results")).hasSize(60);
        assertThat(all.at("/results/0/prefix").asText()).isEqualTo("global");
    }

    @Test
    void attachments_are_listed_and_filtered_by_file_name() {
        String id = create("With files", "storage", "<p/>").get("id").asText();
        sandbox.replaceAttachment(id, "a.txt", "hello".getBytes(), "ada@example.com");
        sandbox.replaceAttachment(id, "b.txt", "hi".getBytes(), "ada@example.com");
        sandbox.replaceAttachment(id, "a.txt", "hello again".getBytes(), "ada@example.com");
        JsonNode all = ada.get("/wiki/api/v2/pages/" + id + "/attachments").json();
        assertThat(all.get("results")).hasSize(2);
        JsonNode a = ada.get("/wiki/api/v2/pages/" + id + "/attachments?filename=a.txt").json();
        assertThat(a.get("results")).hasSize(1);
        assertThat(a.at("/results/0/fileSize").asLong()).isEqualTo(11);
        assertThat(a.at("/results/0/version/number").asInt()).isEqualTo(2);
        assertThat(a.at("/results/0/pageId").asText()).isEqualTo(id);
    }

    @Test
    void page_operations_say_who_may_update_without_writing_anything() {
        String id = create("Who may edit", "storage", "<p/>").get("id").asText();

        JsonNode writer = ada.get("/wiki/api/v2/pages/" + id + "/operations").json();
        JsonNode reader = bob.get("/wiki/api/v2/pages/" + id + "/operations").json();

        assertThat(writer.get("operations")).extracting(n -> n.get("operation").asText()).containsExactly("read", "update", "delete");
        assertThat(reader.get("operations")).extracting(n -> n.get("operation").asText()).containsExactly("read");
        assertThat(reader.at("/operations/0/targetType").asText()).isEqualTo("page");
        sandbox.setPermission("bob@example.com", "INFRA", Permission.NONE);
        assertThat(bob.get("/wiki/api/v2/pages/" + id + "/operations").status()).isEqualTo(404);
    }

    @Test
    void an_attachment_deleted_by_a_person_is_no_longer_listed() {
        String id = create("With a file to delete", "storage", "<p/>").get("id").asText();
        sandbox.replaceAttachment(id, "a.txt", "hello".getBytes(), "ada@example.com");
        sandbox.replaceAttachment(id, "b.txt", "hi".getBytes(), "ada@example.com");

        assertThat(sandbox.deleteAttachment(id, "a.txt", "bob@example.com")).isTrue();
        assertThat(sandbox.deleteAttachment(id, "a.txt", "bob@example.com")).isFalse();
        assertThat(ada.get("/wiki/api/v2/pages/" + id + "/attachments").json().get("results"))
                .extracting(n -> n.get("title").asText()).containsExactly("b.txt");
    }

    @Test
    void pages_of_a_space_are_listed_under_the_space_and_delete_moves_a_page_to_the_trash() {
        String id = create("Runbook", "storage", "<p/>").get("id").asText();
        assertThat(ada.get("/wiki/api/v2/spaces/" + infra + "/pages?title=Runbook").json().get("results"))
                .extracting(n -> n.get("id").asText()).containsExactly(id);
        assertThat(bob.delete("/wiki/api/v2/pages/" + id).status()).isEqualTo(404);
        assertThat(ada.delete("/wiki/api/v2/pages/" + id).status()).isEqualTo(204);
        assertThat(sandbox.findPage(id).orElseThrow().status()).isEqualTo("trashed");
        assertThat(ada.delete("/wiki/api/v2/pages/" + id).status()).isEqualTo(404);
        assertThat(bob.get("/wiki/api/v2/spaces/" + sandbox.spaceId("ENG") + "/pages").status()).isEqualTo(404);
    }

    @Test
    void trashed_pages_disappear_from_lists_and_free_their_title() {
        String id = create("Runbook", "storage", "<p/>").get("id").asText();
        sandbox.trashPage(id, "ada@example.com");
        assertThat(ada.get("/wiki/api/v2/pages/" + id).status()).isEqualTo(404);
        assertThat(ada.get("/wiki/api/v2/pages/" + id + "?status=trashed").json().get("status").asText())
                .isEqualTo("trashed");
        assertThat(ada.get("/wiki/api/v2/pages?space-id=" + infra + "&title=Runbook").json().get("results"))
                .isEmpty();
        create("Runbook", "storage", "<p>again</p>");
    }

    @Test
    void a_trashed_page_is_no_parent_for_a_new_page_or_a_move_and_answers_404() {
        String bin = create("Old procedures", "storage", "<p/>").get("id").asText();
        String page = create("Page", "storage", "<p/>").get("id").asText();
        sandbox.trashPage(bin, "ada@example.com");

        TestClient.Response moved = ada.put("/wiki/api/v2/pages/" + page, Map.of("id", page, "status", "current",
                "title", "Page", "parentId", bin, "body", Map.of("representation", "storage", "value", "<p/>"),
                "version", Map.of("number", 2)));
        TestClient.Response created = ada.post("/wiki/api/v2/pages", Map.of("spaceId", infra, "status", "current",
                "title", "Child", "parentId", bin, "body", Map.of("representation", "storage", "value", "<p/>")));

        assertThat(moved.status()).as(moved.body()).isEqualTo(404);
        assertThat(created.status()).as(created.body()).isEqualTo(404);
        SandboxPage unchanged = sandbox.findPage(page).orElseThrow();
        assertThat(unchanged.version()).isEqualTo(1);
        assertThat(unchanged.parentId()).contains(sandbox.homepageId("INFRA"));
        assertThat(sandbox.findPageId("INFRA", "Child")).isEmpty();
    }
}
