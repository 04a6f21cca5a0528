package ai.askel.confluence.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SandboxServerTest {

    private static final String PAGE_TEMPLATE = "GET /wiki/api/v2/pages/{id}";

    private ConfluenceSandbox sandbox;
    private TestClient ada;
    private String home;

    @BeforeEach
    void start() {
        sandbox = ConfluenceSandbox.builder()
                .user("ada@example.com", "token-1", "557058:ada", "Ada")
                .user("bob@example.com", "token-2", "557058:bob", "Bob")
                .space("INFRA", "Infrastructure")
                .start();
        ada = TestClient.as(sandbox, "ada@example.com", "token-1");
        home = sandbox.homepageId("INFRA");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void sandbox_starts_in_process_in_under_a_second() {
        long started = System.nanoTime();
        try (ConfluenceSandbox other = ConfluenceSandbox.builder().demoData().port(0).start()) {
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
            assertThat(TestClient.as(other, "ada@example.com", "ada-token").get("/wiki/api/v2/spaces").status())
                    .isEqualTo(200);
        }
    }

    @Test
    void wrong_token_unknown_user_bad_encoding_and_other_schemes_answer_401_with_a_text_body() {
        for (TestClient client : new TestClient[] {
                TestClient.as(sandbox, "ada@example.com", "wrong"),
                TestClient.as(sandbox, "nobody@example.com", "token-1"),
                TestClient.withHeader(sandbox, "Basic !!!not-base64"),
                TestClient.withHeader(sandbox, "Bearer token-1")}) {
            TestClient.Response r = client.get("/wiki/api/v2/spaces");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.header("Content-Type")).startsWith("text/plain");
            assertThat(r.body()).isEqualTo(SandboxServer.UNAUTHORIZED);
        }
    }

    @Test
    void credentials_differing_only_in_case_from_ones_accepted_on_the_same_connection_answer_401() {
        String basic = Base64.getEncoder().encodeToString("ada@example.com:token-1".getBytes(StandardCharsets.UTF_8));
        String otherCase = basic.toUpperCase(Locale.ROOT);
        assertThat(TestClient.withHeader(sandbox, "Basic " + basic).get("/wiki/api/v2/spaces").status()).isEqualTo(200);

        // the test clients share one JDK client, whose kept-alive connection carries the next request
        assertThat(TestClient.withHeader(sandbox, "Basic " + otherCase).get("/wiki/api/v2/spaces").status()).isEqualTo(401);
    }

    @Test
    void revoked_token_answers_401_and_a_new_token_works() {
        sandbox.revokeToken("ada@example.com");
        assertThat(ada.get("/wiki/api/v2/spaces").status()).isEqualTo(401);
        sandbox.setToken("ada@example.com", "token-9");
        assertThat(TestClient.as(sandbox, "ada@example.com", "token-9").get("/wiki/api/v2/spaces").status())
                .isEqualTo(200);
    }

    @Test
    void rate_limit_answers_429_with_retry_after_past_the_budget_per_user() {
        sandbox.rateLimits().budget(5, Duration.ofMinutes(1));
        TestClient.Response first = ada.get("/wiki/api/v2/spaces");
        assertThat(first.header("X-RateLimit-Limit")).isEqualTo("5");
        assertThat(first.header("X-RateLimit-Remaining")).isEqualTo("4");
        assertThat(Instant.parse(first.header("X-RateLimit-Reset"))).isAfter(Instant.now());
        assertThat(first.header("X-RateLimit-NearLimit")).isNull();
        for (int i = 0; i < 3; i++) {
            ada.get("/wiki/api/v2/spaces");
        }
        TestClient.Response last = ada.get("/wiki/api/v2/spaces");
        assertThat(last.status()).isEqualTo(200);
        assertThat(last.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(last.header("X-RateLimit-NearLimit")).isEqualTo("true");

        TestClient.Response limited = ada.get("/wiki/api/v2/spaces");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);

        TestClient bob = TestClient.as(sandbox, "bob@example.com", "token-2");
        assertThat(bob.get("/wiki/api/v2/spaces").status()).isEqualTo(200);
        sandbox.rateLimits().disable();
        assertThat(ada.get("/wiki/api/v2/spaces").status()).isEqualTo(200);
    }

    @Test
    void rate_limit_window_resets() throws InterruptedException {
        sandbox.rateLimits().budget(1, Duration.ofMillis(300));
        assertThat(ada.get("/wiki/api/v2/spaces").status()).isEqualTo(200);
        assertThat(ada.get("/wiki/api/v2/spaces").status()).isEqualTo(429);
        Thread.sleep(350);
        assertThat(ada.get("/wiki/api/v2/spaces").status()).isEqualTo(200);
    }

    @Test
    void fail_next_answers_the_given_status_for_n_matching_requests_only() {
        sandbox.faults().failNext("GET", "/wiki/api/v2/pages/*", 503, 2, Duration.ofSeconds(7));
        assertThat(ada.get("/wiki/api/v2/spaces").status()).isEqualTo(200);
        TestClient.Response failed = ada.get("/wiki/api/v2/pages/" + home);
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.header("Retry-After")).isEqualTo("7");
        assertThat(ada.get("/wiki/api/v2/pages/" + home).status()).isEqualTo(503);
        assertThat(ada.get("/wiki/api/v2/pages/" + home).status()).isEqualTo(200);
    }

    @Test
    void fail_next_also_matches_the_route_template() {
        sandbox.faults().failNext("PUT", "/wiki/api/v2/pages/{id}", 500, 1);
        assertThat(ada.put("/wiki/api/v2/pages/" + home, Map.of()).status()).isEqualTo(500);
        assertThat(ada.put("/wiki/api/v2/pages/" + home, Map.of()).status()).isEqualTo(400);
    }

    @Test
    void error_rate_of_one_fails_every_request_and_clear_restores_service() {
        sandbox.faults().errorRate(1.0, 502);
        assertThat(ada.get("/wiki/api/v2/spaces").status()).isEqualTo(502);
        sandbox.faults().clear();
        assertThat(ada.get("/wiki/api/v2/spaces").status()).isEqualTo(200);
    }

    @Test
    void drop_rate_of_one_closes_the_connection_without_an_answer() {
        sandbox.faults().dropRate(1.0);
        assertThatThrownBy(() -> ada.get("/wiki/api/v2/spaces")).isInstanceOf(UncheckedIOException.class);
        sandbox.faults().clear();
        assertThat(ada.get("/wiki/api/v2/spaces").status()).isEqualTo(200);
        assertThat(sandbox.requestLog().recent()).extracting(RequestLog.Entry::status).contains(0, 200);
    }

    @Test
    void latency_delays_each_request() {
        sandbox.faults().latency(Duration.ofMillis(200));
        long started = System.nanoTime();
        ada.get("/wiki/api/v2/spaces");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void request_log_counts_per_route_template_and_resets() {
        ada.get("/wiki/api/v2/pages/" + home);
        ada.get("/wiki/api/v2/pages/" + home + "?body-format=storage");
        ada.post("/wiki/api/v2/pages", Map.of("spaceId", sandbox.spaceId("INFRA"), "title", "T",
                "body", Map.of("representation", "storage", "value", "<p/>")));
        ada.get("/__sandbox/requests");
        assertThat(sandbox.requestLog().count(PAGE_TEMPLATE)).isEqualTo(2);
        assertThat(sandbox.requestLog().count("POST /wiki/api/v2/pages")).isEqualTo(1);
        assertThat(sandbox.requestLog().total()).isEqualTo(3);
        RequestLog.Entry last = sandbox.requestLog().recent().get(2);
        assertThat(last.status()).isEqualTo(200);
        assertThat(last.accountId()).isEqualTo("557058:ada");
        sandbox.resetCounters();
        assertThat(sandbox.requestLog().count(PAGE_TEMPLATE)).isZero();
        assertThat(sandbox.requestLog().total()).isZero();
    }
}
