package ai.askel.confluence.adapter.confluence;

import static ai.askel.confluence.adapter.confluence.ConfluenceFixtures.results;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.error.ConfluenceUnavailableException;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.error.RateLimitedException;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Retries, backoff, Retry-After, rate-limit slow-down, the concurrency limit and the error mapping, end to end. */
class CallPolicyTest extends WireMockConfluence {
    static final String SPACES = "/wiki/api/v2/spaces";

    @Test
    void retry_after_in_seconds_is_waited_at_least() {
        rewire(withMaxWait(Duration.ofSeconds(30)));
        flakyThenOk(aResponse().withStatus(429).withHeader("Retry-After", "7"));

        spaces.listSpaces(access, 25, Optional.empty());

        assertThat(sleeps).singleElement().isEqualTo(Duration.ofSeconds(7));
        assertThat(observer.retries).singleElement().satisfies(r -> {
            assertThat(r.endpoint()).isEqualTo("GET /wiki/api/v2/spaces");
            assertThat(r.delay()).isEqualTo(Duration.ofSeconds(7));
            assertThat(r.rateLimited()).isTrue();
        });
    }

    @Test
    void retry_after_as_an_http_date_is_waited_until() {
        rewire(withMaxWait(Duration.ofSeconds(60)));
        String inTwentySeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(20));
        flakyThenOk(aResponse().withStatus(503).withHeader("Retry-After", inTwentySeconds));

        spaces.listSpaces(access, 25, Optional.empty());

        assertThat(sleeps).singleElement().satisfies(d -> assertThat(d).isBetween(Duration.ofSeconds(17), Duration.ofSeconds(20)));
    }

    @Test
    void an_absurd_retry_after_is_clamped_to_the_cap() {
        flakyThenOk(aResponse().withStatus(429).withHeader("Retry-After", String.valueOf(Long.MAX_VALUE)).withHeader("X-RateLimit-Limit", "0"));

        spaces.listSpaces(access, 25, Optional.empty());

        assertThat(sleeps).singleElement().isEqualTo(settings.maxWait());
    }

    @Test
    void backoff_grows_with_jitter_and_attempts_are_bounded_then_rate_limited() {
        wm.stubFor(get(urlPathEqualTo(SPACES)).willReturn(aResponse().withStatus(429).withHeader("atl-traceid", "rl1")));
        rewire(new ConfluenceClientSettings(URI.create(wm.baseUrl()), Duration.ofSeconds(2), Duration.ofSeconds(5), 4,
                Duration.ofMillis(100), Duration.ofSeconds(10), 10, Duration.ZERO, 1024));

        assertThatThrownBy(() -> spaces.listSpaces(access, 25, Optional.empty()))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.traceId()).contains("rl1"));

        wm.verify(4, getRequestedFor(urlPathEqualTo(SPACES)));
        assertThat(sleeps).hasSize(3);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(70), Duration.ofMillis(130));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(140), Duration.ofMillis(260));
        assertThat(sleeps.get(2)).isBetween(Duration.ofMillis(280), Duration.ofMillis(520));
    }

    @Test
    void a_get_is_retried_after_a_server_error() {
        flakyThenOk(aResponse().withStatus(500));

        spaces.listSpaces(access, 25, Optional.empty());

        wm.verify(2, getRequestedFor(urlPathEqualTo(SPACES)));
        assertThat(observer.calls).extracting(RecordingObserver.Call::status).containsExactly(500, 200);
        assertThat(observer.retries).extracting(RecordingObserver.Retry::rateLimited).containsExactly(false);
    }

    @Test
    void dropped_connections_are_retried_then_reported_as_confluence_unavailable() {
        wm.stubFor(get(urlPathEqualTo(SPACES)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> spaces.listSpaces(access, 25, Optional.empty()))
                .isInstanceOf(ConfluenceUnavailableException.class).hasMessageContaining("I/O error");
        assertThat(observer.calls).hasSize(settings.maxAttempts()).extracting(RecordingObserver.Call::status).containsOnly(0);
        assertThat(observer.retries).hasSize(settings.maxAttempts() - 1);
    }

    @Test
    void server_errors_that_persist_are_confluence_unavailable_with_the_trace_id() {
        wm.stubFor(get(urlPathEqualTo(SPACES)).willReturn(aResponse().withStatus(504).withHeader("atl-traceid", "t504").withBody("Gateway Timeout")));

        assertThatThrownBy(() -> spaces.listSpaces(access, 25, Optional.empty()))
                .isInstanceOfSatisfying(ConfluenceUnavailableException.class, e -> assertThat(e.traceId()).contains("t504"));
        wm.verify(settings.maxAttempts(), getRequestedFor(urlPathEqualTo(SPACES)));
    }

    @Test
    void a_timeout_is_confluence_unavailable() {
        wm.stubFor(get(urlPathEqualTo(SPACES)).willReturn(okJson(results(null)).withFixedDelay(1500)));
        rewire(new ConfluenceClientSettings(URI.create(wm.baseUrl()), Duration.ofSeconds(1), Duration.ofMillis(300), 2,
                Duration.ofMillis(1), Duration.ofMillis(5), 10, Duration.ZERO, 1024));

        assertThatThrownBy(() -> spaces.listSpaces(access, 25, Optional.empty()))
                .isInstanceOf(ConfluenceUnavailableException.class).hasMessageContaining("timed out");
        assertThat(observer.calls).extracting(RecordingObserver.Call::status).containsExactly(0, 0);
    }

    @Test
    void removed_endpoints_too_large_requests_and_odd_statuses_have_their_own_codes() {
        wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/pages/410")).willReturn(aResponse().withStatus(410).withHeader("atl-traceid", "g1")
                .withHeader("Content-Type", "application/json").withBody(ConfluenceFixtures.GONE)));
        wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/pages/413")).willReturn(aResponse().withStatus(413).withHeader("atl-traceid", "p1")));
        wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/pages/418")).willReturn(aResponse().withStatus(418).withHeader("atl-traceid", "o1")));
        wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/pages/200")).willReturn(okJson("{\"id\":")));

        assertThatThrownBy(() -> pages.read(access, PageId.of("410"))).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.ENDPOINT_REMOVED);
            assertThat(e.getMessage()).contains("This deprecated endpoint has been removed").contains("GET /wiki/api/v2/pages/{id}");
            assertThat(e.traceId()).contains("g1");
        });
        assertThatThrownBy(() -> pages.read(access, PageId.of("413"))).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
            assertThat(e.traceId()).contains("p1");
        });
        assertThatThrownBy(() -> pages.read(access, PageId.of("418"))).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.CONFLUENCE_ERROR);
            assertThat(e.traceId()).contains("o1");
        });
        assertThatThrownBy(() -> pages.read(access, PageId.of("200")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLUENCE_ERROR));
    }

    @Test
    void near_the_rate_limit_the_connection_slows_down() {
        wm.stubFor(get(urlPathEqualTo(SPACES)).willReturn(okJson(results(null)).withHeader("X-RateLimit-NearLimit", "true")));

        spaces.listSpaces(access, 25, Optional.empty());
        assertThat(sleeps).isEmpty();
        spaces.listSpaces(access, 25, Optional.empty());

        assertThat(sleeps).containsExactly(settings.nearLimitDelay());
    }

    @Test
    void at_most_the_configured_number_of_requests_are_in_flight_per_connection() throws Exception {
        wm.stubFor(get(urlPathEqualTo(SPACES)).willReturn(okJson(results(null)).withFixedDelay(200)));
        // callers wait for a slot long enough here: the bounded wait has its own test (ConnectionIsolationTest)
        rewire(new ConfluenceClientSettings(URI.create(wm.baseUrl()), Duration.ofSeconds(2), Duration.ofSeconds(5), 1,
                Duration.ofMillis(1), Duration.ofMillis(5), 2, Duration.ZERO, 1024)
                .withIsolation(Duration.ofSeconds(10), 20, ConfluenceClientSettings.DEFAULT_MAX_RESPONSE_BYTES, Duration.ofSeconds(30)));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Object>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> spaces.listSpaces(access, 25, Optional.empty()));
            }
            long start = System.nanoTime();
            for (Future<Object> f : pool.invokeAll(calls)) {
                f.get();
            }
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            // 6 calls of 200 ms, 2 at a time: at least 3 rounds
            assertThat(tookMillis).isGreaterThanOrEqualTo(580);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void connections_to_one_site_share_its_budget_so_a_429_on_one_holds_the_other() {
        rewire(withMaxWait(Duration.ofSeconds(30)));
        wm.stubFor(get(urlPathEqualTo(SPACES)).willReturn(okJson(results(null)).withHeader("X-RateLimit-Limit", "100")
                .withHeader("X-RateLimit-Remaining", "0").withHeader("X-RateLimit-Reset", java.time.Instant.now().plusSeconds(5).toString())));
        spaces.listSpaces(access, 25, Optional.empty());
        assertThat(sleeps).isEmpty();

        ConfluenceAccess colleague = new ConfluenceAccess(ai.askel.confluence.domain.ConnectionId.random(), access.site(), Optional.empty(),
                ai.askel.confluence.domain.EmailAddress.of("colleague@example.com"), ai.askel.confluence.domain.Secret.of("other-token", "apiToken"));
        spaces.listSpaces(colleague, 25, Optional.empty());

        assertThat(sleeps).as("the other connection waited for the site's window to reset").singleElement()
                .satisfies(d -> assertThat(d).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(5)));
    }

    @Test
    void a_turn_in_the_site_budget_that_comes_after_the_deadline_is_refused_at_once_without_a_call() {
        wm.stubFor(get(urlPathEqualTo(SPACES)).willReturn(okJson(results(null)).withHeader("X-RateLimit-Limit", "100")
                .withHeader("X-RateLimit-Remaining", "0").withHeader("X-RateLimit-Reset", java.time.Instant.now().plusSeconds(50).toString())));
        rewire(withMaxWait(Duration.ofSeconds(60)));
        spaces.listSpaces(access, 25, Optional.empty());

        assertThatThrownBy(() -> ai.askel.confluence.ports.in.RequestDeadline.during(ai.askel.confluence.domain.Deadline.after(Duration.ofSeconds(2)),
                () -> spaces.listSpaces(access, 25, Optional.empty())))
                .isInstanceOfSatisfying(ai.askel.confluence.domain.error.RetryLaterException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                    assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d).isGreaterThan(Duration.ofSeconds(40)));
                });
        wm.verify(1, getRequestedFor(urlPathEqualTo(SPACES)));
    }

    private void flakyThenOk(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder failure) {
        wm.stubFor(get(urlPathEqualTo(SPACES)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED).willReturn(failure).willSetStateTo("ok"));
        wm.stubFor(get(urlPathEqualTo(SPACES)).inScenario("flaky").whenScenarioStateIs("ok").willReturn(okJson(results(null))));
    }

    private ConfluenceClientSettings withMaxWait(Duration maxWait) {
        return new ConfluenceClientSettings(URI.create(wm.baseUrl()), Duration.ofSeconds(2), Duration.ofSeconds(5), 4,
                Duration.ofMillis(10), maxWait, 10, Duration.ZERO, 1024);
    }
}
