package ai.askel.confluence.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.DriftPolicy;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.ports.in.PublishRunbookCommand;
import ai.askel.confluence.domain.PublishSource;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RunbookRoutesTest {
    private static final String PUBLISH = """
            {"template": "customer-environment", "spaceKey": "INFRA", "title": "Crestview Production",
             "inputs": {"customer": "Crestview", "replicas": 3, "ratio": 0.25, "contacts": [{"name": "Ann", "role": "SRE"}]},
             "labels": ["customer-runbook"], "onDrift": "overwrite"}""";

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
    void publishing_a_new_runbook_answers_201_created_then_200_unchanged() {
        TestServer.Answer first = api.post(base + "/runbooks", PUBLISH);
        TestServer.Answer second = api.post(base + "/runbooks", PUBLISH);

        assertThat(first.status()).isEqualTo(201);
        JsonNode body = first.json();
        assertThat(TestServer.fields(body)).startsWith("id", "pageId", "version", "outcome", "webUrl");
        assertThat(body.get("outcome").asText()).isEqualTo("CREATED");
        assertThat(body.get("version").asInt()).isEqualTo(1);
        assertThat(body.get("webUrl").asText()).contains(body.get("pageId").asText());
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("outcome").asText()).isEqualTo("UNCHANGED");
        assertThat(second.json().get("id").asText()).isEqualTo(body.get("id").asText());
    }

    @Test
    void the_publish_command_carries_inputs_labels_and_policy() {
        api.post(base + "/runbooks", PUBLISH);

        PublishRunbookCommand command = (PublishRunbookCommand) api.fake.calls.get(0);
        PublishSource.FromTemplate source = (PublishSource.FromTemplate) command.source();
        assertThat(source.templateId()).isEqualTo("customer-environment");
        assertThat(command.title()).isEqualTo(Title.of("Crestview Production"));
        assertThat(command.effectiveParentTitle()).isEqualTo(PublishRunbookCommand.DEFAULT_PARENT_TITLE);
        assertThat(command.labels()).contains(java.util.Set.of(Label.of("customer-runbook")));
        assertThat(command.onDrift()).isEqualTo(DriftPolicy.OVERWRITE);
        assertThat(command.dryRun()).isFalse();
        assertThat(source.inputs().values()).containsEntry("customer", "Crestview").containsEntry("replicas", 3L)
                .containsEntry("ratio", new BigDecimal("0.25"))
                .containsEntry("contacts", List.of(Map.of("name", "Ann", "role", "SRE")));
    }

    @Test
    void a_dry_run_answers_200_planned_with_the_plan_and_the_rendered_body() {
        TestServer.Answer answer = api.post(base + "/runbooks", """
                {"template": "customer-environment", "spaceKey": "INFRA", "title": "Crestview Production", "inputs": {}, "dryRun": true}""");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("outcome").asText()).isEqualTo("PLANNED");
        assertThat(answer.json().get("pageId").isNull()).isTrue();
        assertThat(answer.json().get("plan").get("action").asText()).isEqualTo("CREATE");
        assertThat(answer.json().get("plan").get("labelsToAdd").toString()).isEqualTo("[\"auto-generated\",\"customer-runbook\"]");
        assertThat(answer.json().get("plan").get("renderedBody").asText()).isEqualTo("<p>rendered</p>");
    }

    @Test
    void a_publish_that_writes_does_not_echo_the_body_it_sent() {
        TestServer.Answer answer = api.post(base + "/runbooks", PUBLISH);

        assertThat(answer.json().get("plan").has("renderedBody")).as("%s", answer.json()).isFalse();
    }

    @Test
    void a_publish_with_the_most_labels_is_accepted() {
        TestServer.Answer answer = api.post(base + "/runbooks", """
                {"template": "customer-environment", "spaceKey": "INFRA", "title": "T", "labels": %s}"""
                .formatted(PageRoutesTest.labelArray(Label.MAX_PER_REQUEST)));

        assertThat(answer.status()).as("%s", answer.json()).isIn(200, 201);
        assertThat(((PublishRunbookCommand) api.fake.calls.get(0)).effectiveLabels()).hasSize(Label.MAX_PER_REQUEST);
    }

    @Test
    void a_publish_with_one_label_more_than_the_most_is_a_problem_naming_labels() {
        TestServer.Answer answer = api.post(base + "/runbooks", """
                {"template": "customer-environment", "spaceKey": "INFRA", "title": "T", "labels": %s}"""
                .formatted(PageRoutesTest.labelArray(Label.MAX_PER_REQUEST + 1)));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("code").asText()).isEqualTo("INVALID_INPUT");
        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("labels");
        assertThat(answer.json().get("errors").get(0).get("message").asText()).isEqualTo("at most 50 labels, got 51");
        assertThat(api.fake.calls).isEmpty();
    }

    @Test
    void an_unknown_drift_policy_is_invalid_input() {
        TestServer.Answer answer = api.post(base + "/runbooks", """
                {"template": "customer-environment", "spaceKey": "INFRA", "title": "T", "onDrift": "ignore"}""");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("onDrift");
    }

    @Test
    void drift_on_publish_is_409_drift_detected() {
        api.fake.failNextWith(new ConnectorException(ErrorCode.DRIFT_DETECTED, "page 1001 was edited in Confluence (version 3)"));

        TestServer.Answer answer = api.post(base + "/runbooks", PUBLISH);

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().get("code").asText()).isEqualTo("DRIFT_DETECTED");
        assertThat(answer.json().get("detail").asText()).isEqualTo("page 1001 was edited in Confluence (version 3)");
    }

    @Test
    void a_published_runbook_is_read_back() {
        String id = api.post(base + "/runbooks", PUBLISH).json().get("id").asText();

        TestServer.Answer answer = api.get(base + "/runbooks/" + id);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode runbook = answer.json();
        assertThat(runbook.get("id").asText()).isEqualTo(id);
        assertThat(runbook.get("template").asText()).isEqualTo("customer-environment");
        assertThat(runbook.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(runbook.get("parentTitle").asText()).isEqualTo("Customer Environments");
        assertThat(runbook.get("inputs").get("customer").asText()).isEqualTo("Crestview");
        assertThat(runbook.get("version").asInt()).isEqualTo(1);
    }

    @Test
    void an_unknown_runbook_is_404() {
        TestServer.Answer answer = api.get(base + "/runbooks/6f1d2c3b-0000-4000-8000-000000000001");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void templates_list_their_inputs() {
        TestServer.Answer answer = api.get("/api/v1/templates");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode template = answer.json().get(0);
        assertThat(TestServer.fields(template)).startsWith("id", "version", "name");
        assertThat(template.get("id").asText()).isEqualTo("customer-environment");
        JsonNode input = template.get("inputs").get(0);
        assertThat(TestServer.fields(input)).startsWith("name", "type", "required", "description");
        assertThat(input.get("type").asText()).isEqualTo("string");
        assertThat(input.get("required").asBoolean()).isTrue();
        assertThat(template.get("inputs").get(1).get("columns").toString()).isEqualTo("[\"name\",\"role\"]");
    }

    @Test
    void templates_need_an_api_key_too() {
        assertThat(api.get("/api/v1/templates", null).status()).isEqualTo(401);
    }

    @Test
    void drift_findings_are_listed_and_scanned() {
        TestServer.Answer open = api.get(base + "/drift");
        TestServer.Answer scanned = api.send(api.request(base + "/drift/scan", FakeConnector.KEY_A)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());

        assertThat(open.status()).isEqualTo(200);
        assertThat(open.json().get("results").get(0).get("kind").asText()).isEqualTo("EDITED_IN_CONFLUENCE");
        assertThat(open.json().get("results").get(0).get("id").asText()).isEqualTo(FakeConnector.DRIFT_FINDING.toString());
        assertThat(open.json().get("scans").get(0).get("outcome").asText()).isEqualTo("COMPLETED");
        assertThat(open.json().get("scans").get(0).get("finishedAt").asText()).isNotBlank();
        assertThat(scanned.status()).isEqualTo(200);
        assertThat(api.fake.calls).contains("scan");
    }

    @Test
    void a_finding_is_overwritten_adopted_or_acknowledged_by_its_id_and_answered_as_it_now_stands() {
        String finding = base + "/drift/" + FakeConnector.DRIFT_FINDING;

        TestServer.Answer overwritten = post(finding + "/overwrite");
        TestServer.Answer adopted = post(finding + "/adopt");
        TestServer.Answer acknowledged = post(finding + "/acknowledge");

        assertThat(overwritten.status()).isEqualTo(200);
        assertThat(overwritten.json().get("resolvedAt").asText()).isNotBlank();
        assertThat(adopted.status()).isEqualTo(200);
        assertThat(acknowledged.status()).isEqualTo(200);
        assertThat(acknowledged.json().get("resolvedAt").isNull()).isTrue();
        assertThat(acknowledged.json().get("acknowledgedAt").asText()).isNotBlank();
        assertThat(api.fake.calls).contains("drift overwrite", "drift adopt", "drift acknowledge");
        assertThat(post(base + "/drift/999/adopt").status()).isEqualTo(404);
        assertThat(post(base + "/drift/not-a-number/acknowledge").status()).isEqualTo(400);
    }

    private TestServer.Answer post(String path) {
        return api.send(api.request(path, FakeConnector.KEY_A).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
    }

    @Test
    void workspace_drift_lists_the_open_findings_of_every_connection_of_the_callers_workspace_only() {
        Connection second = api.fake.addConnection(FakeConnector.WORKSPACE_A, "Acme EU");
        api.fake.addConnection(FakeConnector.WORKSPACE_B, "Other customer");

        TestServer.Answer answer = api.get("/api/v1/drift");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("results")).hasSize(2);
        assertThat(answer.json().get("results").get(1).get("connectionId").asText()).isEqualTo(second.id().value());
        assertThat(api.get("/api/v1/drift", null).status()).isEqualTo(401);
    }

    @Test
    void a_publish_may_carry_a_body_the_caller_compiled_instead_of_a_template() {
        TestServer.Answer answer = api.post(base + "/runbooks", """
                {"spaceKey": "INFRA", "title": "Crestview Production",
                 "body": {"representation": "storage", "value": "<p>compiled</p><ac:image><ri:attachment ri:filename=\\"d.png\\" /></ac:image>"}}""");

        assertThat(answer.status()).isEqualTo(201);
        PublishRunbookCommand command = (PublishRunbookCommand) api.fake.calls.get(0);
        assertThat(command.source()).isInstanceOfSatisfying(PublishSource.Supplied.class,
                s -> assertThat(s.body().value()).startsWith("<p>compiled</p>"));
        TestServer.Answer runbook = api.get(base + "/runbooks/" + answer.json().get("id").asText());
        assertThat(runbook.json().get("source").asText()).isEqualTo("body");
        assertThat(runbook.json().get("bodyRepresentation").asText()).isEqualTo("storage");
        assertThat(runbook.json().get("template").isNull()).isTrue();
    }

    @Test
    void a_publish_with_both_or_neither_template_and_body_or_a_malformed_body_is_refused_before_any_call() {
        TestServer.Answer both = api.post(base + "/runbooks", """
                {"template": "t", "spaceKey": "INFRA", "title": "T", "body": {"value": "<p>x</p>"}, "inputs": {}}""");
        TestServer.Answer neither = api.post(base + "/runbooks", """
                {"spaceKey": "INFRA", "title": "T"}""");
        TestServer.Answer malformed = api.post(base + "/runbooks", """
                {"spaceKey": "INFRA", "title": "T", "body": {"value": "<p>x&nbsp;</p>"}}""");

        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().toString()).contains("template").contains("inputs");
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.json().toString()).contains("template");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(api.fake.calls).isEmpty();
    }

    private TestServer.Answer multipart(String json, java.util.Map<String, String> files, String... headers) {
        return api.send(TestServer.withHeaders(api.request(base + "/runbooks", FakeConnector.KEY_A), headers)
                .header("Content-Type", Multipart.CONTENT_TYPE)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> Multipart.request(json, files))).build());
    }

    @Test
    void a_multipart_publish_carries_the_request_part_and_every_file() {
        TestServer.Answer answer = multipart(PUBLISH, new java.util.LinkedHashMap<>(Map.of("diagram.png", "PNG-BYTES")));

        assertThat(answer.status()).isEqualTo(201);
        PublishRunbookCommand command = (PublishRunbookCommand) api.fake.calls.get(0);
        assertThat(command.title()).isEqualTo(Title.of("Crestview Production"));
        assertThat(command.attachments()).singleElement().satisfies(file -> {
            assertThat(file.fileName()).isEqualTo("diagram.png");
            assertThat(file.mediaType()).isEqualTo("image/png");
            assertThat(file.size()).isEqualTo("PNG-BYTES".length());
        });
    }

    @Test
    void a_multipart_publish_takes_the_request_part_and_twenty_files() {
        java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
        for (int i = 1; i <= 20; i++) {
            files.put("file-" + i + ".png", "PNG-" + i);
        }

        TestServer.Answer answer = multipart(PUBLISH, files);

        assertThat(answer.status()).isEqualTo(201);
        assertThat(((PublishRunbookCommand) api.fake.calls.get(0)).attachments()).hasSize(20);
    }

    @Test
    void a_multipart_publish_with_twenty_one_files_is_400_naming_files() {
        java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
        for (int i = 1; i <= 21; i++) {
            files.put("file-" + i + ".png", "PNG-" + i);
        }

        TestServer.Answer answer = multipart(PUBLISH, files);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("files");
        assertThat(api.fake.calls).isEmpty();
    }

    @Test
    void an_idempotency_key_on_a_multipart_publish_covers_the_files() {
        TestServer.Answer first = multipart(PUBLISH, Map.of("diagram.png", "one"), "Idempotency-Key", "mp-1");
        TestServer.Answer replay = multipart(PUBLISH, Map.of("diagram.png", "one"), "Idempotency-Key", "mp-1");
        TestServer.Answer otherFile = multipart(PUBLISH, Map.of("diagram.png", "two"), "Idempotency-Key", "mp-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.json()).isEqualTo(first.json());
        assertThat(otherFile.status()).isEqualTo(422);
        assertThat(api.fake.calls).hasSize(1);
    }

    @Test
    void a_multipart_publish_without_a_request_part_is_400() {
        TestServer.Answer answer = api.send(TestServer.withHeaders(api.request(base + "/runbooks", FakeConnector.KEY_A))
                .header("Content-Type", Multipart.CONTENT_TYPE)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> Multipart.body("d.png", "image/png",
                        Multipart.pattern(10), null))).build());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("detail").asText()).contains("request");
    }
}
