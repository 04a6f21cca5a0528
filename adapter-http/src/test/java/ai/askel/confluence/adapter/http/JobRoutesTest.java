package ai.askel.confluence.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.domain.Connection;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.Base64;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JobRoutesTest {
    static String item(int n) {
        return """
                {"template": "customer-environment", "spaceKey": "INFRA", "title": "Env %d", "inputs": {"customer": "C%d"},
                 "labels": ["customer-runbook"], "attachments": [{"fileName": "a.png", "mediaType": "image/png", "contentBase64": "%s"}]}"""
                .formatted(n, n, Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}));
    }

    private final TestServer api = new TestServer();
    private String batch;

    @BeforeEach
    void connect() {
        Connection connection = api.fake.addConnection(FakeConnector.WORKSPACE_A, "Acme");
        batch = "/api/v1/connections/" + connection.id() + "/runbooks/batch";
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private TestServer.Answer postBatch(String body, String contentType, String... headers) {
        HttpRequest.Builder request = api.request(batch, FakeConnector.KEY_A).header("Content-Type", contentType);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return api.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void a_json_array_is_accepted_with_202_and_the_location_of_the_job() {
        TestServer.Answer answer = postBatch("[" + item(0) + "," + item(1) + "]", "application/json", "Idempotency-Key", "batch-7");

        assertThat(answer.status()).isEqualTo(202);
        JsonNode job = answer.json();
        assertThat(answer.raw().headers().firstValue("Location")).contains("/api/v1/jobs/" + job.get("id").asText());
        assertThat(job.get("state").asText()).isEqualTo("queued");
        assertThat(job.get("total").asInt()).isEqualTo(2);
        assertThat(job.get("counts").get("pending").asInt()).isEqualTo(2);
        var command = api.fake.jobs.submitted.get(0);
        assertThat(command.idempotencyKey()).contains("batch-7");
        assertThat(command.items().get(1).title().value()).isEqualTo("Env 1");
        assertThat(command.items().get(0).attachments().get(0).content()).containsExactly(1, 2, 3);
    }

    @Test
    void ndjson_is_accepted_one_runbook_per_line_and_blank_lines_are_skipped() {
        String body = IntStream.range(0, 3).mapToObj(JobRoutesTest::item).map(s -> s.replace("\n", " "))
                .collect(Collectors.joining("\n", "", "\n\n"));

        TestServer.Answer answer = postBatch(body, "application/x-ndjson");

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(answer.json().get("total").asInt()).isEqualTo(3);
    }

    @Test
    void a_bad_item_is_named_by_its_position_and_nothing_is_submitted() {
        TestServer.Answer answer = postBatch("[" + item(0) + ", {\"template\": \"t\", \"spaceKey\": \"INFRA\"}]", "application/json");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("items[1].title");
        assertThat(api.fake.jobs.submitted).isEmpty();
    }

    @Test
    void more_than_ten_thousand_items_or_another_media_type_are_refused() {
        String tooMany = IntStream.range(0, 10_001).mapToObj(i -> "{}").collect(Collectors.joining("\n"));

        assertThat(postBatch(tooMany, "application/x-ndjson").status()).isEqualTo(400);
        assertThat(postBatch("[" + item(0) + "]", "text/plain").status()).isEqualTo(415);
        assertThat(postBatch("{}", "application/json").status()).as("an object, not an array").isEqualTo(400);
        assertThat(api.fake.jobs.submitted).isEmpty();
    }

    @Test
    void a_job_is_read_with_its_items_paged_listed_and_cancelled() {
        String id = postBatch("[" + item(0) + "," + item(1) + "," + item(2) + "]", "application/json").json().get("id").asText();

        JsonNode page = api.get("/api/v1/jobs/" + id + "?from=1&limit=1").json();
        assertThat(page.get("job").get("id").asText()).isEqualTo(id);
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("index").asInt()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("state").asText()).isEqualTo("pending");
        assertThat(page.get("nextFrom").asInt()).isEqualTo(2);

        assertThat(api.get("/api/v1/jobs").json().get("results").get(0).get("id").asText()).isEqualTo(id);

        TestServer.Answer cancelled = api.send(api.request("/api/v1/jobs/" + id + "/cancel", FakeConnector.KEY_A)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("state").asText()).isEqualTo("cancelled");
        assertThat(cancelled.json().get("counts").get("cancelled").asInt()).isEqualTo(3);
    }

    @Test
    void another_workspace_does_not_see_the_job() {
        String id = postBatch("[" + item(0) + "]", "application/json").json().get("id").asText();

        assertThat(api.get("/api/v1/jobs/" + id, FakeConnector.KEY_B).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/jobs", FakeConnector.KEY_B).json().get("results")).isEmpty();
    }
}
