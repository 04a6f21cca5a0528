package ai.askel.confluence.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.domain.error.InvalidInputException.Problem;
import ai.askel.confluence.domain.error.RateLimitedException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProblemMapperTest {
    private static final Map<ErrorCode, Integer> EXPECTED = new EnumMap<>(Map.ofEntries(
            Map.entry(ErrorCode.INVALID_INPUT, 400), Map.entry(ErrorCode.INVALID_STORAGE_FORMAT, 400),
            Map.entry(ErrorCode.NOT_FOUND, 404), Map.entry(ErrorCode.VERSION_CONFLICT, 409), Map.entry(ErrorCode.CONFLICT, 409),
            Map.entry(ErrorCode.CREDENTIALS_REJECTED, 422), Map.entry(ErrorCode.PERMISSION_DENIED, 403),
            Map.entry(ErrorCode.PERMISSION_LOST, 403),
            Map.entry(ErrorCode.UNAUTHENTICATED, 401), Map.entry(ErrorCode.FORBIDDEN, 403), Map.entry(ErrorCode.RATE_LIMITED, 429),
            Map.entry(ErrorCode.PAYLOAD_TOO_LARGE, 413), Map.entry(ErrorCode.SITE_NOT_ALLOWED, 400),
            Map.entry(ErrorCode.ENDPOINT_REMOVED, 502), Map.entry(ErrorCode.CONFLUENCE_UNAVAILABLE, 503),
            Map.entry(ErrorCode.CONFLUENCE_ERROR, 502), Map.entry(ErrorCode.DRIFT_DETECTED, 409),
            Map.entry(ErrorCode.IDEMPOTENCY_KEY_REUSED, 422), Map.entry(ErrorCode.TEMPLATE_ERROR, 422),
            Map.entry(ErrorCode.SECRET_KEY_MISMATCH, 500), Map.entry(ErrorCode.INTERNAL, 500),
            Map.entry(ErrorCode.CONFLUENCE_RESPONSE_TOO_LARGE, 502), Map.entry(ErrorCode.CONNECTION_BUSY, 503),
            Map.entry(ErrorCode.SERVER_BUSY, 503), Map.entry(ErrorCode.DEADLINE_EXCEEDED, 504), Map.entry(ErrorCode.METHOD_NOT_ALLOWED, 405)));

    private final TestServer api = new TestServer();
    private String connectionPath;

    @BeforeEach
    void connect() {
        Connection connection = api.fake.addConnection(FakeConnector.WORKSPACE_A, "Acme");
        connectionPath = "/api/v1/connections/" + connection.id();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void every_error_code_has_its_status() {
        assertThat(EXPECTED).hasSize(ErrorCode.values().length);
        EXPECTED.forEach((code, status) -> assertThat(ProblemMapper.status(code)).as(code.name()).isEqualTo(status));
    }

    @Test
    void an_http_problem_answers_its_codes_status_unless_the_exchange_has_one_of_its_own() {
        ProblemMapper mapper = new ProblemMapper();

        assertThat(mapper.fromHttp(HttpProblemException.badRequest("body", "a JSON body is required"), "/x").status()).isEqualTo(400);
        assertThat(mapper.fromHttp(HttpProblemException.tooLarge("the request body", 10), "/x").status()).isEqualTo(413);
        Reply unauthenticated = mapper.fromHttp(HttpProblemException.unauthenticated("no key"), "/x");
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.headers()).containsEntry("WWW-Authenticate", "Bearer");
        assertThat(mapper.fromHttp(HttpProblemException.unsupportedMediaType("application/json", "text/plain"), "/x").status())
                .as("invalid input, with the status that names it").isEqualTo(415);
        assertThat(mapper.fromHttp(HttpProblemException.bodyTooSlow(Duration.ofSeconds(5)), "/x").status()).isEqualTo(408);
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void each_error_code_is_answered_as_an_rfc_9457_problem_over_http(ErrorCode code) {
        api.fake.failNextWith(new ConnectorException(code, "what went wrong with " + code, "trace-" + code.ordinal(), null));

        TestServer.Answer answer = api.get(connectionPath);

        int status = EXPECTED.get(code);
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("type").asText()).isEqualTo("urn:askel:confluence:problem:" + code.name().toLowerCase().replace('_', '-'));
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("instance").asText()).isEqualTo(connectionPath);
        assertThat(problem.get("code").asText()).isEqualTo(code.name());
        assertThat(problem.get("traceId").asText()).isEqualTo("trace-" + code.ordinal());
        if (code == ErrorCode.INTERNAL || code == ErrorCode.SECRET_KEY_MISMATCH) {
            assertThat(problem.get("detail").asText()).doesNotContain("what went wrong");
        } else {
            assertThat(problem.get("detail").asText()).isEqualTo("what went wrong with " + code);
        }
    }

    @Test
    void invalid_input_lists_each_field_and_message() {
        api.fake.failNextWith(new InvalidInputException(List.of(new Problem("siteUrl", "is required"), new Problem("email", "is bad"))));

        JsonNode problem = api.get(connectionPath).json();

        assertThat(problem.get("errors")).hasSize(2);
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("siteUrl");
        assertThat(problem.get("errors").get(1).get("message").asText()).isEqualTo("is bad");
        assertThat(problem.has("traceId")).isFalse();
    }

    @Test
    void other_problems_have_no_errors_member() {
        api.fake.failNextWith(new ConnectorException(ErrorCode.CONFLICT, "taken"));

        assertThat(api.get(connectionPath).json().has("errors")).isFalse();
    }

    @Test
    void rate_limiting_tells_when_to_retry() {
        api.fake.failNextWith(new RateLimitedException("Confluence kept answering 429", Duration.ofMillis(2500), "trace-429"));

        TestServer.Answer answer = api.get(connectionPath);

        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.header("Retry-After")).isEqualTo("3");
    }

    @Test
    void a_busy_connection_is_503_with_retry_after_at_once() {
        api.fake.failNextWith(new ai.askel.confluence.domain.error.RetryLaterException(ErrorCode.CONNECTION_BUSY,
                "connection is busy", java.time.Duration.ofMillis(1500)));

        TestServer.Answer answer = api.get(connectionPath);

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.json().get("code").asText()).isEqualTo("CONNECTION_BUSY");
        assertThat(answer.raw().headers().firstValue("Retry-After")).contains("2");
    }

    @Test
    void a_problem_lists_the_first_twenty_field_errors_and_counts_them_all() {
        java.util.List<ai.askel.confluence.domain.error.InvalidInputException.Problem> many = java.util.stream.IntStream.range(0, 100_000)
                .mapToObj(i -> new ai.askel.confluence.domain.error.InvalidInputException.Problem("inputs.items[" + i + "]", "is not a string"))
                .toList();
        api.fake.failNextWith(new ai.askel.confluence.domain.error.InvalidInputException(many, null));

        TestServer.Answer answer = api.get(connectionPath);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors")).hasSize(ProblemMapper.MAX_ERRORS);
        assertThat(answer.json().get("errorCount").asInt()).isEqualTo(100_000);
        assertThat(answer.body().length()).isLessThan(8_000);
    }
}
