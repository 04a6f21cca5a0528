package ai.askel.confluence.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.domain.Connection;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OperationsRoutesTest {
    /** A Prometheus text-format sample line: name, optional labels, value. */
    private static final Pattern SAMPLE = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\]|\\\\.)*\",?)*})? -?[0-9.eE+-]+");

    private final TestServer api = new TestServer();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void liveness_needs_no_key_and_answers_up() {
        TestServer.Answer answer = api.get("/health/live", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void readiness_is_200_when_the_database_answers_and_503_when_not() {
        TestServer.Answer ready = api.get("/health/ready", null);
        api.fake.ready = false;
        TestServer.Answer notReady = api.get("/health/ready", null);

        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("checks").get("database").asText()).isEqualTo("UP");
        assertThat(notReady.status()).isEqualTo(503);
        assertThat(notReady.contentType()).startsWith("application/json");
        assertThat(notReady.json().get("status").asText()).isEqualTo("DOWN");
        assertThat(notReady.json().get("checks").get("database").asText()).isEqualTo("DOWN");
    }

    @Test
    void metrics_count_requests_by_route_template_and_status() {
        Connection connection = api.fake.addConnection(FakeConnector.WORKSPACE_A, "Acme");
        api.get("/api/v1/connections/" + connection.id());
        api.get("/api/v1/connections/" + connection.id());
        api.get("/api/v1/connections", null);
        api.get("/no/such/route");

        TestServer.Answer answer = api.get("/metrics", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/plain; version=0.0.4");
        String text = answer.body();
        assertThat(text).contains("askel_http_requests_seconds_count{method=\"GET\",route=\"/api/v1/connections/{connectionId}\",status=\"200\"} 2\n");
        assertThat(text).contains("askel_http_requests_seconds_count{method=\"GET\",route=\"/api/v1/connections\",status=\"401\"} 1\n");
        assertThat(text).contains("askel_http_requests_seconds_count{method=\"GET\",route=\"unmatched\",status=\"404\"} 1\n");
        assertThat(text).contains("askel_http_api_requests_in_progress");
        assertThat(text).doesNotContain(connection.id().value());
    }

    @Test
    void every_metrics_line_is_valid_exposition_format_with_help_and_type_before_samples() {
        api.get("/health/live", null);

        List<String> lines = api.get("/metrics", null).body().lines().filter(l -> !l.isBlank()).toList();

        assertThat(lines).isNotEmpty();
        String current = null;
        for (String line : lines) {
            if (line.startsWith("# HELP ")) {
                current = line.split(" ")[2];
            } else if (line.startsWith("# TYPE ")) {
                assertThat(line.split(" ")[2]).isEqualTo(current);
                assertThat(line.split(" ")[3]).isIn("counter", "gauge", "summary", "histogram");
            } else {
                assertThat(line).matches(SAMPLE);
                assertThat(line).startsWith(current);
            }
        }
    }

    @Test
    void unknown_methods_share_one_label_however_many_a_client_invents() {
        for (int i = 0; i < 50; i++) {
            api.send(api.request("/api/v1/connections", null).method("M" + "X".repeat(100) + i, java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        }

        String text = api.get("/metrics", null).body();

        assertThat(text).doesNotContain("MXXXX");
        assertThat(text.lines().filter(l -> l.startsWith("askel_http_requests_seconds_count{method=\"OTHER\"")).count()).isLessThanOrEqualTo(2);
        assertThat(HttpMetrics.method("get")).isEqualTo("GET");
        assertThat(HttpMetrics.method("BREW")).isEqualTo("OTHER");
    }

    @Test
    void the_openapi_document_is_served_without_a_key() {
        TestServer.Answer answer = api.get("/openapi.json", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.json().get("openapi").asText()).isEqualTo("3.1.0");
    }
}
