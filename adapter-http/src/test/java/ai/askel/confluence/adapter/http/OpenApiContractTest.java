package ai.askel.confluence.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.Page;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real responses of every route, success and failure, validated against the OpenAPI document's schemas. */
class OpenApiContractTest {
    private final TestServer api = new TestServer();
    private OpenApiInteractionValidator validator;
    private String base;

    @BeforeEach
    void start() {
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(OperationsRoutes.openApiDocument()).build();
        Connection connection = api.fake.addConnection(FakeConnector.WORKSPACE_A, "Acme");
        base = "/api/v1/connections/" + connection.id();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private void conforms(Request.Method method, String template, TestServer.Answer answer) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.status());
        if (!answer.body().isEmpty()) {
            response.withContentType(answer.contentType()).withBody(answer.body());
        }
        ValidationReport report = validator.validateResponse(template, method, response.build());
        assertThat(report.getMessages()).as(method + " " + template + " " + answer.status() + ": " + answer.body()).isEmpty();
    }

    @Test
    void every_route_answers_as_documented() {
        conforms(Request.Method.POST, "/api/v1/connections", api.post("/api/v1/connections", """
                {"name": "Acme", "siteUrl": "https://acme.atlassian.net", "email": "ops@acme.example", "apiToken": "t"}"""));
        conforms(Request.Method.GET, "/api/v1/connections", api.get("/api/v1/connections"));
        conforms(Request.Method.GET, "/api/v1/connections/{connectionId}", api.get(base));
        conforms(Request.Method.PUT, "/api/v1/connections/{connectionId}/credentials", api.put(base + "/credentials", "{\"apiToken\": \"t2\"}"));
        conforms(Request.Method.GET, "/api/v1/connections/{connectionId}/spaces", api.get(base + "/spaces"));
        TestServer.Answer created = api.post(base + "/pages", """
                {"spaceKey": "INFRA", "title": "Runbook", "body": {"value": "<p>Hi</p>"}, "labels": ["ops"]}""");
        conforms(Request.Method.POST, "/api/v1/connections/{connectionId}/pages", created);
        String page = base + "/pages/" + created.json().get("id").asText();
        conforms(Request.Method.GET, "/api/v1/connections/{connectionId}/pages/{pageId}", api.get(page));
        conforms(Request.Method.PUT, "/api/v1/connections/{connectionId}/pages/{pageId}", api.put(page, "{\"body\": {\"value\": \"<p>2</p>\"}}"));
        conforms(Request.Method.GET, "/api/v1/connections/{connectionId}/pages/{pageId}/versions", api.get(page + "/versions"));
        conforms(Request.Method.GET, "/api/v1/connections/{connectionId}/pages/{pageId}/children", api.get(page + "/children"));
        conforms(Request.Method.GET, "/api/v1/connections/{connectionId}/pages", api.get(base + "/pages?spaceKey=INFRA"));
        conforms(Request.Method.POST, "/api/v1/connections/{connectionId}/pages/{pageId}/labels", api.post(page + "/labels", "{\"labels\": [\"a\"]}"));
        conforms(Request.Method.DELETE, "/api/v1/connections/{connectionId}/pages/{pageId}/labels/{label}", api.delete(page + "/labels/a"));
        conforms(Request.Method.POST, "/api/v1/connections/{connectionId}/pages/{pageId}/attachments", api.send(api.request(page + "/attachments", FakeConnector.KEY_A)
                .header("Content-Type", Multipart.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> Multipart.body("a.txt", "text/plain", Multipart.pattern(100), null))).build()));
        TestServer.Answer published = api.post(base + "/runbooks", """
                {"template": "customer-environment", "spaceKey": "INFRA", "title": "Crestview Production", "inputs": {"customer": "Crestview"}}""");
        conforms(Request.Method.POST, "/api/v1/connections/{connectionId}/runbooks", published);
        String runbook = base + "/runbooks/" + published.json().get("id").asText();
        conforms(Request.Method.GET, "/api/v1/connections/{connectionId}/runbooks/{runbookId}", api.get(runbook));
        conforms(Request.Method.POST, "/api/v1/connections/{connectionId}/runbooks/{runbookId}/attachments", api.send(api.request(runbook + "/attachments", FakeConnector.KEY_A)
                .header("Content-Type", Multipart.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> Multipart.body("b.png", "image/png", Multipart.pattern(100), "c"))).build()));
        conforms(Request.Method.GET, "/api/v1/connections/{connectionId}/drift", api.get(base + "/drift"));
        conforms(Request.Method.POST, "/api/v1/connections/{connectionId}/drift/scan", api.send(api.request(base + "/drift/scan", FakeConnector.KEY_A)
                .POST(HttpRequest.BodyPublishers.noBody()).build()));
        for (String action : java.util.List.of("overwrite", "adopt", "acknowledge")) {
            String template = "/api/v1/connections/{connectionId}/drift/{findingId}/" + action;
            conforms(Request.Method.POST, template, api.send(api.request(base + "/drift/" + FakeConnector.DRIFT_FINDING + "/" + action,
                    FakeConnector.KEY_A).POST(HttpRequest.BodyPublishers.noBody()).build()));
            conforms(Request.Method.POST, template, api.send(api.request(base + "/drift/999/" + action, FakeConnector.KEY_A)
                    .POST(HttpRequest.BodyPublishers.noBody()).build()));
            conforms(Request.Method.POST, template, api.send(api.request(base + "/drift/abc/" + action, FakeConnector.KEY_A)
                    .POST(HttpRequest.BodyPublishers.noBody()).build()));
        }
        conforms(Request.Method.GET, "/api/v1/drift", api.get("/api/v1/drift"));
        conforms(Request.Method.GET, "/api/v1/templates", api.get("/api/v1/templates"));
        TestServer.Answer submitted = api.send(api.request(base + "/runbooks/batch", FakeConnector.KEY_A).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + JobRoutesTest.item(0) + "," + JobRoutesTest.item(1) + "]")).build());
        conforms(Request.Method.POST, "/api/v1/connections/{connectionId}/runbooks/batch", submitted);
        conforms(Request.Method.POST, "/api/v1/connections/{connectionId}/runbooks/batch", api.send(api.request(base + "/runbooks/batch",
                FakeConnector.KEY_A).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("[{}]")).build()));
        String job = "/api/v1/jobs/" + submitted.json().get("id").asText();
        conforms(Request.Method.GET, "/api/v1/jobs/{jobId}", api.get(job + "?limit=1"));
        conforms(Request.Method.GET, "/api/v1/jobs/{jobId}", api.get("/api/v1/jobs/" + java.util.UUID.randomUUID()));
        conforms(Request.Method.GET, "/api/v1/jobs", api.get("/api/v1/jobs"));
        conforms(Request.Method.POST, "/api/v1/jobs/{jobId}/cancel", api.send(api.request(job + "/cancel", FakeConnector.KEY_A)
                .POST(HttpRequest.BodyPublishers.noBody()).build()));
        conforms(Request.Method.GET, "/health/live", api.get("/health/live", null));
        conforms(Request.Method.GET, "/health/ready", api.get("/health/ready", null));
        conforms(Request.Method.DELETE, "/api/v1/connections/{connectionId}", api.delete(base));
    }

    @Test
    void problems_answer_as_documented() {
        conforms(Request.Method.GET, "/api/v1/connections", api.get("/api/v1/connections", null));
        conforms(Request.Method.GET, "/api/v1/connections/{connectionId}", api.get("/api/v1/connections/6f1d2c3b-0000-4000-8000-000000000001"));
        conforms(Request.Method.POST, "/api/v1/connections", api.post("/api/v1/connections", "{\"name\": \"x\"}"));
        conforms(Request.Method.POST, "/api/v1/connections", api.post("/api/v1/connections", """
                {"name": "Acme", "siteUrl": "https://acme.atlassian.net", "email": "ops@acme.example", "apiToken": "rejected-token"}"""));
        Page page = api.fake.addPage("P");
        conforms(Request.Method.PUT, "/api/v1/connections/{connectionId}/pages/{pageId}",
                api.put(base + "/pages/" + page.id(), "{\"body\": {\"value\": \"<p/>\"}, \"baseVersion\": 9}"));
        conforms(Request.Method.POST, "/api/v1/connections/{connectionId}/pages", api.send(api.request(base + "/pages", FakeConnector.KEY_A)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}")).build()));
        api.fake.ready = false;
        conforms(Request.Method.GET, "/health/ready", api.get("/health/ready", null));
    }

    @Test
    void the_validator_would_catch_a_response_that_is_not_as_documented() {
        ValidationReport renamed = validator.validateResponse("/api/v1/connections/{connectionId}/spaces", Request.Method.GET,
                SimpleResponse.Builder.ok().withContentType("application/json")
                        .withBody("{\"results\": [{\"id\": \"1\", \"spaceKey\": \"INFRA\", \"name\": \"n\", \"type\": \"global\"}], \"nextCursor\": null}")
                        .build());
        ValidationReport undocumentedStatus = validator.validateResponse("/health/live", Request.Method.GET,
                SimpleResponse.Builder.status(418).build());

        assertThat(renamed.getMessages()).isNotEmpty();
        assertThat(undocumentedStatus.getMessages()).isNotEmpty();
    }

    @Test
    void administration_answers_as_documented() {
        String operator = FakeConnector.OPERATOR_KEY;
        TestServer.Answer workspace = api.send(api.request("/api/v1/workspaces", operator).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Tenant\"}")).build());
        conforms(Request.Method.POST, "/api/v1/workspaces", workspace);
        conforms(Request.Method.GET, "/api/v1/workspaces", api.get("/api/v1/workspaces", operator));
        String w = "/api/v1/workspaces/" + workspace.json().get("id").asText();
        conforms(Request.Method.GET, "/api/v1/workspaces/{workspaceId}", api.get(w, operator));
        TestServer.Answer key = api.send(api.request(w + "/api-keys", operator).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"ci\", \"scope\": \"write\"}")).build());
        conforms(Request.Method.POST, "/api/v1/workspaces/{workspaceId}/api-keys", key);
        conforms(Request.Method.GET, "/api/v1/workspaces/{workspaceId}/api-keys", api.get(w + "/api-keys", operator));
        conforms(Request.Method.DELETE, "/api/v1/workspaces/{workspaceId}/api-keys/{keyId}",
                api.send(api.request(w + "/api-keys/" + key.json().get("id").asText(), operator).DELETE().build()));
        api.admin.addEvent(new ai.askel.confluence.ports.out.AuditEvent(FakeConnector.NOW, FakeConnector.WORKSPACE_A,
                java.util.Optional.of("ask_live_aaaa"), "page.create", java.util.Optional.empty(), java.util.Optional.empty(), "OK",
                java.util.Optional.empty()));
        conforms(Request.Method.GET, "/api/v1/workspaces/{workspaceId}/audit-events",
                api.get("/api/v1/workspaces/" + FakeConnector.WORKSPACE_A + "/audit-events?limit=5"));
        conforms(Request.Method.POST, "/api/v1/connections", api.send(api.request("/api/v1/connections", FakeConnector.READ_KEY_A)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build()));
        conforms(Request.Method.POST, "/api/v1/workspaces", api.post("/api/v1/workspaces", "{\"name\": \"x\"}"));
        conforms(Request.Method.GET, "/api/v1/workspaces/{workspaceId}/api-keys",
                api.get("/api/v1/workspaces/" + FakeConnector.WORKSPACE_B + "/api-keys"));
    }
}
