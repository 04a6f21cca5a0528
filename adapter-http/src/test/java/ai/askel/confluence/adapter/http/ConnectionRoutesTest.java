package ai.askel.confluence.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.ports.in.RegisterConnectionCommand;
import ai.askel.confluence.ports.in.RotateCredentialsCommand;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConnectionRoutesTest {
    private final TestServer api = new TestServer();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void registering_a_connection_answers_201_with_the_documented_fields_and_never_the_token() {
        TestServer.Answer answer = api.post("/api/v1/connections", """
                {"name": "Acme", "siteUrl": "https://acme.atlassian.net", "email": "ops@acme.example",
                 "apiToken": "ATATT-secret-token", "tokenExpiresOn": "2027-01-31"}""");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonNode body = answer.json();
        assertThat(TestServer.fields(body)).startsWith("id", "name", "siteUrl", "email", "accountId", "status");
        assertThat(body.get("name").asText()).isEqualTo("Acme");
        assertThat(body.get("siteUrl").asText()).isEqualTo("https://acme.atlassian.net");
        assertThat(body.get("email").asText()).isEqualTo("ops@acme.example");
        assertThat(body.get("accountId").asText()).isEqualTo("557058:acc-1");
        assertThat(body.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(body.get("tokenExpiresOn").asText()).isEqualTo("2027-01-31");
        assertThat(answer.body()).doesNotContain("ATATT-secret-token").doesNotContain("apiToken");

        RegisterConnectionCommand command = (RegisterConnectionCommand) api.fake.calls.get(0);
        assertThat(command.workspace()).isEqualTo(FakeConnector.WORKSPACE_A);
        assertThat(command.apiToken().reveal()).isEqualTo("ATATT-secret-token");
        assertThat(command.tokenExpiresOn()).contains(LocalDate.parse("2027-01-31"));
    }

    @Test
    void credentials_rejected_by_confluence_answer_422_with_the_code_and_trace_id() {
        TestServer.Answer answer = api.post("/api/v1/connections", """
                {"name": "Acme", "siteUrl": "https://acme.atlassian.net", "email": "ops@acme.example", "apiToken": "rejected-token"}""");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("code").asText()).isEqualTo("CREDENTIALS_REJECTED");
        assertThat(answer.json().get("traceId").asText()).isEqualTo("trace-401");
        assertThat(answer.body()).doesNotContain("rejected-token");
    }

    @Test
    void missing_fields_are_all_named_at_once() {
        TestServer.Answer answer = api.post("/api/v1/connections", "{\"name\": \"Acme\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("code").asText()).isEqualTo("INVALID_INPUT");
        assertThat(answer.json().get("errors").findValuesAsText("field")).containsExactly("siteUrl", "email", "apiToken");
        assertThat(api.fake.calls).isEmpty();
    }

    @Test
    void the_list_holds_only_the_callers_workspace() {
        Connection mine = api.fake.addConnection(FakeConnector.WORKSPACE_A, "Mine");
        api.fake.addConnection(FakeConnector.WORKSPACE_B, "Theirs");

        TestServer.Answer answer = api.get("/api/v1/connections");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("results").findValuesAsText("id")).containsExactly(mine.id().value());
    }

    @Test
    void one_connection_is_read_by_id() {
        Connection mine = api.fake.addConnection(FakeConnector.WORKSPACE_A, "Mine");

        TestServer.Answer answer = api.get("/api/v1/connections/" + mine.id());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("id").asText()).isEqualTo(mine.id().value());
        assertThat(answer.json().get("name").asText()).isEqualTo("Mine");
    }

    @Test
    void another_workspaces_connection_is_not_found_for_every_route() {
        Connection theirs = api.fake.addConnection(FakeConnector.WORKSPACE_B, "Theirs");
        String base = "/api/v1/connections/" + theirs.id();

        assertThat(api.get(base).status()).isEqualTo(404);
        assertThat(api.get(base + "/spaces").status()).isEqualTo(404);
        assertThat(api.get(base + "/pages?spaceKey=INFRA").status()).isEqualTo(404);
        assertThat(api.delete(base).status()).isEqualTo(404);
        assertThat(api.put(base + "/credentials", "{\"apiToken\": \"new-token\"}").status()).isEqualTo(404);
        TestServer.Answer answer = api.get(base);
        assertThat(answer.json().get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(api.get(base, FakeConnector.KEY_B).status()).isEqualTo(200);
    }

    @Test
    void deleting_a_connection_answers_204_and_it_is_gone() {
        Connection mine = api.fake.addConnection(FakeConnector.WORKSPACE_A, "Mine");

        TestServer.Answer answer = api.delete("/api/v1/connections/" + mine.id());

        assertThat(answer.status()).isEqualTo(204);
        assertThat(answer.body()).isEmpty();
        assertThat(api.get("/api/v1/connections/" + mine.id()).status()).isEqualTo(404);
    }

    @Test
    void rotating_credentials_passes_the_new_token_and_answers_the_connection() {
        Connection mine = api.fake.addConnection(FakeConnector.WORKSPACE_A, "Mine");

        TestServer.Answer answer = api.put("/api/v1/connections/" + mine.id() + "/credentials",
                "{\"apiToken\": \"new-token\", \"email\": \"new@acme.example\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("email").asText()).isEqualTo("new@acme.example");
        assertThat(answer.body()).doesNotContain("new-token");
        RotateCredentialsCommand command = (RotateCredentialsCommand) api.fake.calls.get(0);
        assertThat(command.apiToken().reveal()).isEqualTo("new-token");
        assertThat(command.ref().connection()).isEqualTo(mine.id());
    }

    @Test
    void a_malformed_connection_id_is_invalid_input_naming_it() {
        TestServer.Answer answer = api.get("/api/v1/connections/not-a-uuid");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("connectionId");
    }
}
