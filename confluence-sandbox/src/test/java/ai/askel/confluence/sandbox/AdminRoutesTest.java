package ai.askel.confluence.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdminRoutesTest {

    private ConfluenceSandbox sandbox;
    private TestClient admin;
    private TestClient ada;
    private String runbooks;

    @BeforeEach
    void start() {
        sandbox = ConfluenceSandbox.builder().demoData().start();
        admin = TestClient.anonymous(sandbox);
        ada = TestClient.as(sandbox, "ada@example.com", "ada-token");
        runbooks = sandbox.findPageId("INFRA", "Runbooks").orElseThrow();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void requests_endpoint_reports_counts_per_endpoint_and_can_be_reset() {
        ada.get("/wiki/api/v2/pages/" + runbooks);
        ada.get("/wiki/api/v2/pages/" + runbooks);
        JsonNode log = admin.get("/__sandbox/requests").json();
        assertThat(log.get("total").asLong()).isEqualTo(2);
        assertThat(log.at("/counts/GET \\/wiki\\/api\\/v2\\/pages\\/{id}").isMissingNode()).isTrue();
        assertThat(log.get("counts").get("GET /wiki/api/v2/pages/{id}").asLong()).isEqualTo(2);
        assertThat(log.at("/recent/0/path").asText()).isEqualTo("/wiki/api/v2/pages/" + runbooks);
        assertThat(admin.delete("/__sandbox/requests").status()).isEqualTo(204);
        assertThat(sandbox.requestLog().total()).isZero();
    }

    @Test
    void faults_and_rules_are_set_and_cleared_at_run_time() {
        admin.post("/__sandbox/faults/rules", Map.of("method", "GET", "path", "/wiki/api/v2/spaces", "status", 503,
                "times", 1, "retryAfterSeconds", 3));
        assertThat(admin.get("/__sandbox/faults").json().at("/rules/0/remaining").asInt()).isEqualTo(1);
        TestClient.Response failed = ada.get("/wiki/api/v2/spaces");
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.header("Retry-After")).isEqualTo("3");
        assertThat(ada.get("/wiki/api/v2/spaces").status()).isEqualTo(200);

        admin.put("/__sandbox/faults", Map.of("errorRate", 1.0, "errorStatus", 504));
        assertThat(ada.get("/wiki/api/v2/spaces").status()).isEqualTo(504);
        assertThat(admin.get("/__sandbox/faults").status()).isEqualTo(200);
        admin.delete("/__sandbox/faults");
        assertThat(ada.get("/wiki/api/v2/spaces").status()).isEqualTo(200);
    }

    @Test
    void rate_limit_and_settings_are_changed_at_run_time() {
        assertThat(admin.put("/__sandbox/rate-limit", Map.of("requests", 1, "windowSeconds", 60)).json()
                .get("enabled").asBoolean()).isTrue();
        assertThat(ada.get("/wiki/api/v2/spaces").status()).isEqualTo(200);
        assertThat(ada.get("/wiki/api/v2/spaces").status()).isEqualTo(429);
        assertThat(admin.get("/__sandbox/requests").status()).isEqualTo(200);
        admin.delete("/__sandbox/rate-limit");
        assertThat(ada.get("/wiki/api/v2/spaces").status()).isEqualTo(200);

        JsonNode settings = admin.put("/__sandbox/settings", Map.of("indexDelayMs", 5000, "maxAttachmentBytes", 10))
                .json();
        assertThat(settings.get("indexDelayMs").asLong()).isEqualTo(5000);
        assertThat(sandbox.maxAttachmentBytes()).isEqualTo(10);
    }

    @Test
    void a_site_wide_budget_is_shared_by_every_user_of_the_site() {
        TestClient bob = TestClient.as(sandbox, "bob@example.com", "bob-token");
        assertThat(admin.put("/__sandbox/rate-limit", Map.of("requests", 2, "windowSeconds", 60, "scope", "site")).json()
                .get("scope").asText()).isEqualTo("site");

        assertThat(ada.get("/wiki/api/v2/spaces").status()).isEqualTo(200);
        assertThat(bob.get("/wiki/api/v2/spaces").status()).isEqualTo(200);
        assertThat(bob.get("/wiki/api/v2/spaces").status()).isEqualTo(429);
        assertThat(ada.get("/wiki/api/v2/spaces").status()).isEqualTo(429);

        admin.put("/__sandbox/rate-limit", Map.of("requests", 1, "windowSeconds", 60));
        assertThat(ada.get("/wiki/api/v2/spaces").status()).isEqualTo(200);
        assertThat(bob.get("/wiki/api/v2/spaces").status()).as("a per-user budget counts each user apart").isEqualTo(200);
        admin.delete("/__sandbox/rate-limit");
    }

    @Test
    void person_like_actions_change_the_site_as_someone_in_confluence_would() {
        String restart = sandbox.findPageId("INFRA", "Restart the ingest cluster").orElseThrow();
        String eng = sandbox.homepageId("INFRA");
        assertThat(admin.post("/__sandbox/actions/edit-page", Map.of("pageId", restart, "as", "bob@example.com",
                "body", "<p>edited by Bob</p>")).status()).isEqualTo(204);
        admin.post("/__sandbox/actions/rename-page", Map.of("pageId", restart, "as", "ada@example.com",
                "title", "Restart ingest"));
        admin.post("/__sandbox/actions/move-page", Map.of("pageId", restart, "parentId", eng,
                "as", "ada@example.com"));
        admin.post("/__sandbox/actions/remove-label", Map.of("pageId", restart, "label", "ingest"));
        admin.post("/__sandbox/actions/replace-attachment", Map.of("pageId", restart, "filename", "log.txt",
                "content", "hello", "as", "bob@example.com"));

        SandboxPage page = sandbox.findPage(restart).orElseThrow();
        assertThat(page.version()).isEqualTo(3);
        assertThat(page.title()).isEqualTo("Restart ingest");
        assertThat(page.storage()).isEqualTo("<p>edited by Bob</p>");
        assertThat(page.parentId()).contains(eng);
        assertThat(page.labels()).containsExactly("runbook");
        assertThat(page.attachments()).containsExactly("log.txt");
        JsonNode v2 = ada.get("/wiki/api/v2/pages/" + restart + "/versions").json();
        assertThat(v2.at("/results/1/authorId").asText()).isEqualTo("557058:bob");

        admin.post("/__sandbox/actions/trash-page", Map.of("pageId", restart, "as", "ada@example.com"));
        assertThat(ada.get("/wiki/api/v2/pages/" + restart).status()).isEqualTo(404);
    }

    @Test
    void revoking_a_token_and_dropping_a_permission_take_effect_on_the_next_request() {
        TestClient bob = TestClient.as(sandbox, "bob@example.com", "bob-token");
        assertThat(bob.get("/wiki/api/v2/pages/" + runbooks).status()).isEqualTo(200);
        admin.post("/__sandbox/actions/set-permission", Map.of("user", "bob@example.com", "space", "INFRA",
                "permission", "none"));
        assertThat(bob.get("/wiki/api/v2/pages/" + runbooks).status()).isEqualTo(404);
        admin.post("/__sandbox/actions/revoke-token", Map.of("user", "557058:bob"));
        assertThat(bob.get("/wiki/api/v2/spaces").status()).isEqualTo(401);
    }

    @Test
    void users_spaces_and_pages_can_be_added() {
        admin.post("/__sandbox/users", Map.of("email", "cy@example.com", "token", "t", "accountId", "557058:cy",
                "displayName", "Cy"));
        JsonNode space = admin.post("/__sandbox/spaces", Map.of("key", "OPS", "name", "Operations")).json();
        String page = admin.post("/__sandbox/actions/create-page", Map.of("space", "OPS", "title", "Hello",
                "body", "<p>hi</p>", "as", "cy@example.com")).json().get("id").asText();
        admin.post("/__sandbox/actions/add-labels", Map.of("pageId", page, "labels", List.of("Greeting")));
        TestClient cy = TestClient.as(sandbox, "cy@example.com", "t");
        JsonNode read = cy.get("/wiki/api/v2/pages/" + page + "?include-labels=true").json();
        assertThat(read.get("spaceId").asText()).isEqualTo(space.get("id").asText());
        assertThat(read.at("/labels/results/0/name").asText()).isEqualTo("greeting");
        assertThat(admin.get("/__sandbox/pages/" + page).json().get("title").asText()).isEqualTo("Hello");
    }

    @Test
    void bad_admin_input_answers_400_naming_the_field() {
        TestClient.Response r = admin.post("/__sandbox/actions/edit-page", Map.of("pageId", runbooks));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("'as' is required");
        assertThat(admin.post("/__sandbox/actions/edit-page", Map.of("pageId", runbooks, "as", "ada@example.com",
                "body", "<p>broken")).status()).isEqualTo(400);
    }

    @Test
    void a_token_set_after_a_revocation_lets_the_user_in_again_and_the_old_one_stays_out() {
        TestClient bob = TestClient.as(sandbox, "bob@example.com", "bob-token");
        admin.post("/__sandbox/actions/revoke-token", Map.of("user", "bob@example.com"));
        assertThat(bob.get("/wiki/api/v2/spaces").status()).isEqualTo(401);

        TestClient.Response set = admin.post("/__sandbox/actions/set-token", Map.of("user", "bob@example.com",
                "token", "bob-token-2"));

        assertThat(set.status()).as(set.body()).isEqualTo(204);
        assertThat(TestClient.as(sandbox, "bob@example.com", "bob-token-2").get("/wiki/api/v2/spaces").status())
                .isEqualTo(200);
        assertThat(bob.get("/wiki/api/v2/spaces").status()).isEqualTo(401);
        assertThat(admin.post("/__sandbox/actions/set-token", Map.of("user", "bob@example.com", "token", " "))
                .status()).as("a blank token is refused").isEqualTo(400);
    }

    @Test
    void restoring_a_trashed_page_whose_title_is_taken_answers_400_by_either_path_and_leaves_it_in_the_trash() {
        String trashed = admin.post("/__sandbox/actions/create-page", Map.of("space", "INFRA", "title", "RB Trash",
                "body", "<p>old</p>", "as", "ada@example.com")).json().get("id").asText();
        admin.post("/__sandbox/actions/trash-page", Map.of("pageId", trashed, "as", "ada@example.com"));
        String successor = admin.post("/__sandbox/actions/create-page", Map.of("space", "INFRA", "title", "RB Trash",
                "body", "<p>new</p>", "as", "ada@example.com")).json().get("id").asText();

        TestClient.Response byAdmin = admin.post("/__sandbox/actions/restore-page", Map.of("pageId", trashed,
                "as", "ada@example.com"));
        TestClient.Response byUpdate = ada.put("/wiki/api/v2/pages/" + trashed, Map.of("id", trashed, "status", "current",
                "title", "RB Trash", "body", Map.of("representation", "storage", "value", "<p>old</p>"), "version", Map.of("number", 2)));

        // Confluence answers a title taken in the space with 400 (its spec: a duplicate title is an invalid request)
        assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(400);
        assertThat(byUpdate.status()).as(byUpdate.body()).isEqualTo(400);
        assertThat(byAdmin.body()).contains("already exists with the title RB Trash in the space with key INFRA").contains(successor);
        assertThat(byUpdate.json().at("/errors/0/title").asText())
                .contains("already exists with the title RB Trash in the space with key INFRA");
        assertThat(sandbox.findPage(trashed).orElseThrow().status()).isEqualTo("trashed");
        assertThat(sandbox.findPage(trashed).orElseThrow().version()).as("the refused update wrote nothing").isEqualTo(1);
        assertThat(ada.get("/wiki/api/v2/pages?space-id=" + sandbox.spaceId("INFRA") + "&title=RB%20Trash").json()
                .get("results")).extracting(n -> n.get("id").asText()).containsExactly(successor);
    }

    @Test
    void moving_a_page_under_a_trashed_page_answers_400_and_leaves_it_where_it_was() {
        String restart = sandbox.findPageId("INFRA", "Restart the ingest cluster").orElseThrow();
        String bin = sandbox.createPage("INFRA", "Old procedures", "<p/>", "ada@example.com");
        sandbox.trashPage(bin, "ada@example.com");

        TestClient.Response r = admin.post("/__sandbox/actions/move-page", Map.of("pageId", restart, "parentId", bin,
                "as", "ada@example.com"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains(bin).contains("trashed");
        assertThat(sandbox.findPage(restart).orElseThrow().parentId()).contains(runbooks);
    }

    @Test
    void every_admin_route_is_documented_in_the_readme() throws IOException {
        String routes = Files.readString(Path.of("src/main/java/ai/askel/confluence/sandbox/AdminRoutes.java"));
        String readme = Files.readString(Path.of("README.md"));
        Matcher route = Pattern.compile("routes\\.(get|put|post|delete)\\(P \\+ \"([^\"]+)\"").matcher(routes);
        int found = 0;
        while (route.find()) {
            found++;
            String path = route.group(2).replace("{id}", "");
            String last = path.substring(path.lastIndexOf('/') + 1);
            assertThat(readme).as(route.group(1).toUpperCase() + " " + route.group(2))
                    .satisfiesAnyOf(r -> assertThat(r).contains("/__sandbox" + path),
                            r -> assertThat(r).contains("`" + last + "`"));
        }
        assertThat(found).isGreaterThan(20);
    }
}
