package ai.askel.confluence.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The changes people make in Confluence that drift detection must see, answered as Confluence answers them. */
class DriftFidelityTest {
    private ConfluenceSandbox sandbox;
    private TestClient ada;
    private String parent;
    private String child;

    @BeforeEach
    void start() {
        sandbox = ConfluenceSandbox.builder()
                .user("ada@example.com", "token-1", "557058:ada", "Ada")
                .user("bob@example.com", "token-2", "557058:bob", "Bob")
                .space("INFRA", "Infrastructure")
                .start();
        ada = TestClient.as(sandbox, "ada@example.com", "token-1");
        parent = sandbox.createPage("INFRA", "Customer Environments", "<p>parent</p>", "ada@example.com");
        child = sandbox.createPage("INFRA", parent, "Crestview Production", "<p>kept in <code>vault</code></p>"
                + "<table><tbody><tr><th>Name</th><th>URL</th></tr><tr><td>api</td><td>https://api</td></tr></tbody></table>"
                + "<ac:structured-macro ac:name=\"code\"><ac:parameter ac:name=\"language\">bash</ac:parameter>"
                + "<ac:plain-text-body><![CDATA[curl -f https://api\ncurl -f https://web]]></ac:plain-text-body></ac:structured-macro>"
                + "<ac:image><ri:attachment ri:filename=\"diagram.png\" /></ac:image>", "ada@example.com");
        sandbox.replaceAttachment(child, "diagram.png", "png".getBytes(StandardCharsets.UTF_8), "ada@example.com");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void a_trashed_page_moves_its_children_up_to_its_parent_and_comes_back_from_the_trash_without_them() {
        String home = sandbox.homepageId("INFRA");

        sandbox.trashPage(parent, "bob@example.com");

        assertThat(ada.get("/wiki/api/v2/pages/" + parent).status()).isEqualTo(404);
        JsonNode moved = ada.get("/wiki/api/v2/pages/" + child).json();
        assertThat(moved.get("parentId").asText()).isEqualTo(home);
        assertThat(moved.at("/version/number").asInt()).as("a move is not a new version").isEqualTo(1);

        sandbox.restorePage(parent, "bob@example.com");

        assertThat(ada.get("/wiki/api/v2/pages/" + parent).status()).isEqualTo(200);
        assertThat(ada.get("/wiki/api/v2/pages/" + child).json().get("parentId").asText()).isEqualTo(home);
    }

    @Test
    void an_editor_save_adds_presentation_and_keeps_every_word_and_the_code_exactly() {
        String before = sandbox.findPage(child).orElseThrow().storage();

        sandbox.editorSave(child, "bob@example.com");

        JsonNode saved = ada.get("/wiki/api/v2/pages/" + child + "?body-format=storage").json();
        String body = saved.at("/body/storage/value").asText();
        assertThat(saved.at("/version/number").asInt()).isEqualTo(2);
        assertThat(saved.at("/version/authorId").asText()).isEqualTo("557058:bob");
        assertThat(body).isNotEqualTo(before)
                .contains("data-layout=\"default\"", "ac:local-id=", "ac:macro-id=", "ac:schema-version=\"1\"", "<colgroup>",
                        "ac:align=\"center\"", "ri:version-at-save=\"1\"")
                .contains("kept in <code>vault</code>")
                .contains("<![CDATA[curl -f https://api\ncurl -f https://web]]>");
    }

    @Test
    void an_edit_restriction_takes_update_from_the_operations_and_refuses_the_put() {
        sandbox.restrictEditing(child, "bob@example.com");

        JsonNode operations = ada.get("/wiki/api/v2/pages/" + child + "/operations").json();
        assertThat(operations.get("operations")).extracting(o -> o.get("operation").asText()).containsExactly("read");
        TestClient.Response put = ada.put("/wiki/api/v2/pages/" + child, Map.of("id", child, "status", "current",
                "title", "Crestview Production", "body", Map.of("representation", "storage", "value", "<p>x</p>"),
                "version", Map.of("number", 2)));
        assertThat(put.status()).isEqualTo(403);

        sandbox.restrictEditing(child);
        assertThat(ada.get("/wiki/api/v2/pages/" + child + "/operations").json().get("operations")).hasSize(3);
    }

    @Test
    void a_deleted_attachment_a_renamed_space_and_a_deleted_space_are_answered_as_confluence_does() {
        sandbox.deleteAttachment(child, "diagram.png", "bob@example.com");
        assertThat(ada.get("/wiki/api/v2/pages/" + child + "/attachments").json().get("results")).isEmpty();

        sandbox.renameSpace("INFRA", "Infrastructure (archived)");
        assertThat(ada.get("/wiki/api/v2/spaces?keys=INFRA").json().at("/results/0/name").asText()).isEqualTo("Infrastructure (archived)");

        sandbox.deleteSpace("INFRA");
        assertThat(ada.get("/wiki/api/v2/spaces?keys=INFRA").json().get("results")).isEmpty();
        assertThat(ada.get("/wiki/api/v2/pages/" + child).status()).isEqualTo(404);
        assertThat(ada.get("/wiki/rest/api/content/search?cql=" + TestClient.q("type = page")).json().get("results")).isEmpty();
    }
}
