package ai.askel.confluence.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.domain.BodyRepresentation;
import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.Page;
import ai.askel.confluence.ports.in.CreatePageCommand;
import ai.askel.confluence.ports.in.UpdatePageCommand;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PageRoutesTest {
    private final TestServer api = new TestServer();
    private String base;

    @BeforeEach
    void connect() {
        Connection connection = api.fake.addConnection(FakeConnector.WORKSPACE_A, "Acme");
        base = "/api/v1/connections/" + connection.id();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void spaces_answer_results_and_next_cursor_and_pass_limit_and_cursor() {
        TestServer.Answer answer = api.get(base + "/spaces?limit=10&cursor=abc");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(TestServer.fields(answer.json())).containsExactly("results", "nextCursor");
        JsonNode space = answer.json().get("results").get(0);
        assertThat(TestServer.fields(space)).containsExactly("id", "key", "name", "type");
        assertThat(space.get("key").asText()).isEqualTo("INFRA");
        assertThat(answer.json().get("nextCursor").asText()).isEqualTo("next-spaces");
        assertThat(api.fake.calls).containsExactly("spaces 10 abc");
    }

    @Test
    void a_limit_out_of_range_is_invalid_input_naming_limit() {
        TestServer.Answer answer = api.get(base + "/spaces?limit=0");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("limit");
    }

    @Test
    void creating_a_page_answers_201_with_the_page() {
        TestServer.Answer answer = api.post(base + "/pages", """
                {"spaceKey": "INFRA", "title": "Runbook", "parentId": "99",
                 "body": {"representation": "storage", "value": "<p>Hi</p>"}, "labels": ["Ops", "prod"]}""");

        assertThat(answer.status()).isEqualTo(201);
        JsonNode page = answer.json();
        assertThat(TestServer.fields(page)).containsExactly("id", "spaceKey", "title", "parentId", "version", "labels", "body", "webUrl");
        assertThat(page.get("title").asText()).isEqualTo("Runbook");
        assertThat(page.get("parentId").asText()).isEqualTo("99");
        assertThat(page.get("version").asInt()).isEqualTo(1);
        assertThat(page.get("labels").findValuesAsText("labels")).isEmpty();
        assertThat(page.get("labels").toString()).isEqualTo("[\"ops\",\"prod\"]");
        assertThat(page.get("body").get("representation").asText()).isEqualTo("storage");
        assertThat(page.get("body").get("value").asText()).isEqualTo("<p>Hi</p>");
        CreatePageCommand command = (CreatePageCommand) api.fake.calls.get(0);
        assertThat(command.labels()).containsExactlyInAnyOrder(Label.of("ops"), Label.of("prod"));
    }

    @Test
    void a_wiki_body_is_passed_as_wiki() {
        TestServer.Answer answer = api.post(base + "/pages", """
                {"spaceKey": "INFRA", "title": "Wiki", "body": {"representation": "wiki", "value": "h1. Hi"}}""");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(((CreatePageCommand) api.fake.calls.get(0)).body().representation()).isEqualTo(BodyRepresentation.WIKI);
    }

    @Test
    void invalid_page_fields_are_all_named() {
        TestServer.Answer answer = api.post(base + "/pages", """
                {"spaceKey": "IN FRA", "title": "", "body": {"representation": "html", "value": "x"}, "labels": ["ok", "not ok"]}""");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").findValuesAsText("field"))
                .containsExactly("spaceKey", "title", "body.representation", "labels[1]");
    }

    @Test
    void a_malformed_storage_body_is_invalid_storage_format() {
        TestServer.Answer answer = api.post(base + "/pages", """
                {"spaceKey": "INFRA", "title": "Broken", "body": {"representation": "storage", "value": "<p>unclosed"}}""");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("code").asText()).isEqualTo("INVALID_STORAGE_FORMAT");
        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("body.value");
    }

    @Test
    void reading_a_page_answers_the_documented_shape() {
        Page page = api.fake.addPage("Existing");

        TestServer.Answer answer = api.get(base + "/pages/" + page.id());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("id").asText()).isEqualTo(page.id().value());
        assertThat(answer.json().get("spaceKey").asText()).isEqualTo("INFRA");
        assertThat(answer.json().get("labels").toString()).isEqualTo("[\"ops\"]");
        assertThat(answer.json().get("webUrl").asText()).startsWith("https://acme.atlassian.net/wiki/");
    }

    @Test
    void a_missing_page_is_404_with_confluences_trace_id() {
        TestServer.Answer answer = api.get(base + "/pages/424242");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("traceId").asText()).isEqualTo("trace-404");
        assertThat(answer.json().get("instance").asText()).isEqualTo(base + "/pages/424242");
    }

    @Test
    void updating_a_page_answers_the_next_version() {
        Page page = api.fake.addPage("Existing");

        TestServer.Answer answer = api.put(base + "/pages/" + page.id(), """
                {"title": "Renamed", "body": {"value": "<p>v2</p>"}, "baseVersion": 1, "message": "second"}""");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("version").asInt()).isEqualTo(2);
        assertThat(answer.json().get("title").asText()).isEqualTo("Renamed");
        assertThat(answer.json().get("changed").asBoolean()).isTrue();
        UpdatePageCommand command = (UpdatePageCommand) api.fake.calls.get(0);
        assertThat(command.message()).contains("second");
        assertThat(command.force()).isFalse();
    }

    @Test
    void an_update_that_changes_nothing_answers_the_current_page_with_changed_false_and_force_writes_anyway() {
        Page page = api.fake.addPage("Existing");
        String same = "{\"title\": \"Existing\", \"body\": {\"value\": \"<p>hello</p>\"}";

        TestServer.Answer unchanged = api.put(base + "/pages/" + page.id(), same + "}");
        TestServer.Answer forced = api.put(base + "/pages/" + page.id(), same + ", \"force\": true}");

        assertThat(unchanged.status()).isEqualTo(200);
        assertThat(unchanged.json().get("changed").asBoolean()).isFalse();
        assertThat(unchanged.json().get("version").asInt()).isEqualTo(1);
        assertThat(forced.json().get("changed").asBoolean()).isTrue();
        assertThat(forced.json().get("version").asInt()).isEqualTo(2);
    }

    @Test
    void a_stale_base_version_is_409_version_conflict() {
        Page page = api.fake.addPage("Existing");

        TestServer.Answer answer = api.put(base + "/pages/" + page.id(), """
                {"body": {"value": "<p>v2</p>"}, "baseVersion": 7}""");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().get("code").asText()).isEqualTo("VERSION_CONFLICT");
        assertThat(answer.json().get("detail").asText()).contains("version 1").contains("version 7");
    }

    @Test
    void versions_answer_number_author_message_and_date() {
        Page page = api.fake.addPage("Existing");

        TestServer.Answer answer = api.get(base + "/pages/" + page.id() + "/versions");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode version = answer.json().get("results").get(0);
        assertThat(TestServer.fields(version)).containsExactly("number", "authorId", "message", "createdAt");
        assertThat(version.get("createdAt").asText()).isEqualTo("2026-11-28T10:00:00Z");
        assertThat(answer.json().get("nextCursor").isNull()).isTrue();
    }

    @Test
    void children_answer_id_title_version_and_url() {
        Page parent = api.fake.addPage("Parent");
        api.fake.create(new CreatePageCommand(new ai.askel.confluence.ports.in.ConnectionRef(FakeConnector.WORKSPACE_A,
                ((Connection) api.fake.list(FakeConnector.WORKSPACE_A).get(0)).id()), ai.askel.confluence.domain.SpaceKey.of("INFRA"),
                ai.askel.confluence.domain.Title.of("Child"), java.util.Optional.of(parent.id()),
                ai.askel.confluence.domain.PageBody.storage("<p/>"), java.util.Set.of()));

        TestServer.Answer answer = api.get(base + "/pages/" + parent.id() + "/children");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode child = answer.json().get("results").get(0);
        assertThat(TestServer.fields(child)).containsExactly("id", "title", "version", "webUrl");
        assertThat(child.get("title").asText()).isEqualTo("Child");
        assertThat(answer.json().get("nextCursor").asText()).isEqualTo("next-children");
    }

    @Test
    void search_builds_escaped_cql_from_the_filters() {
        api.fake.addPage("Existing");

        TestServer.Answer answer = api.get(base + "/pages?spaceKey=INFRA&title=Say%20%22hi%22&label=ops&modifiedSince=2026-01-31&limit=5");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode result = answer.json().get("results").get(0);
        assertThat(TestServer.fields(result)).containsExactly("id", "spaceKey", "title", "version", "lastModified", "webUrl");
        assertThat(result.get("lastModified").asText()).isEqualTo("2026-11-28T10:00:00Z");
        assertThat(api.fake.searches.get(0).cql()).isEqualTo(
                "type = \"page\" AND space = \"INFRA\" AND title = \"Say \\\"hi\\\"\" AND label = \"ops\" AND lastmodified >= \"2026-01-31\"");
    }

    @Test
    void raw_cql_cannot_be_mixed_with_filters() {
        TestServer.Answer mixed = api.get(base + "/pages?cql=type%3Dpage&spaceKey=INFRA");
        TestServer.Answer raw = api.get(base + "/pages?cql=type%3Dpage");

        assertThat(mixed.status()).isEqualTo(400);
        assertThat(mixed.json().get("errors").get(0).get("field").asText()).isEqualTo("spaceKey");
        assertThat(raw.status()).isEqualTo(200);
        assertThat(api.fake.searches).extracting(q -> q.cql()).containsExactly("type=page");
    }

    @Test
    void adding_labels_answers_every_label_now_on_the_page() {
        Page page = api.fake.addPage("Existing");

        TestServer.Answer answer = api.post(base + "/pages/" + page.id() + "/labels", "{\"labels\": [\"Runbook\", \"prod\"]}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("labels").toString()).isEqualTo("[\"ops\",\"prod\",\"runbook\"]");
    }

    static String labelArray(int count) {
        return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(i -> "\"label-" + i + "\"")
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    @Test
    void a_page_with_the_most_labels_is_created() {
        TestServer.Answer answer = api.post(base + "/pages", """
                {"spaceKey": "INFRA", "title": "Runbook", "body": {"value": "<p>Hi</p>"}, "labels": %s}"""
                .formatted(labelArray(Label.MAX_PER_REQUEST)));

        assertThat(answer.status()).as("%s", answer.json()).isEqualTo(201);
        assertThat(((CreatePageCommand) api.fake.calls.get(0)).labels()).hasSize(Label.MAX_PER_REQUEST);
    }

    @Test
    void a_page_with_one_label_more_than_the_most_is_a_problem_naming_labels_and_nothing_is_called() {
        TestServer.Answer answer = api.post(base + "/pages", """
                {"spaceKey": "INFRA", "title": "Runbook", "body": {"value": "<p>Hi</p>"}, "labels": %s}"""
                .formatted(labelArray(Label.MAX_PER_REQUEST + 1)));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors")).hasSize(1);
        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("labels");
        assertThat(answer.json().get("errors").get(0).get("message").asText()).isEqualTo("at most 50 labels, got 51");
        assertThat(api.fake.calls).isEmpty();
    }

    @Test
    void adding_one_label_more_than_the_most_is_a_problem_naming_labels() {
        Page page = api.fake.addPage("Existing");

        TestServer.Answer answer = api.post(base + "/pages/" + page.id() + "/labels",
                "{\"labels\": " + labelArray(Label.MAX_PER_REQUEST + 1) + "}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("labels");
        assertThat(answer.json().get("errors").get(0).get("message").asText()).isEqualTo("at most 50 labels, got 51");
    }

    @Test
    void removing_a_label_answers_204() {
        Page page = api.fake.addPage("Existing");

        TestServer.Answer answer = api.delete(base + "/pages/" + page.id() + "/labels/ops");

        assertThat(answer.status()).isEqualTo(204);
        assertThat(api.fake.calls).containsExactly(Label.of("ops"));
        assertThat(api.get(base + "/pages/" + page.id()).json().get("labels").toString()).isEqualTo("[]");
    }
}
