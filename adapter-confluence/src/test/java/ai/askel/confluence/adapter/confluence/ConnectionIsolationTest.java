package ai.askel.confluence.adapter.confluence;

import static ai.askel.confluence.adapter.confluence.ConfluenceFixtures.results;
import static ai.askel.confluence.adapter.confluence.ConfluenceFixtures.space;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.Deadline;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.error.ConfluenceUnavailableException;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.DeadlineExceededException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.error.RetryLaterException;
import ai.askel.confluence.ports.in.RequestDeadline;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One slow or hostile site stays one connection's problem: deadlines bound every wait, the bulkhead
 * refuses at once when full, and oversized answers are cut off at the cap.
 */
class ConnectionIsolationTest extends WireMockConfluence {
    static final String SPACES = "/wiki/api/v2/spaces";
    static final String PAGE = "/wiki/api/v2/pages/42";

    private ConfluenceClientSettings isolation(int slots, int waiters, Duration slotWait, Duration attemptTimeout, long maxResponseBytes) {
        return new ConfluenceClientSettings(URI.create(wm.baseUrl()), Duration.ofSeconds(1), attemptTimeout, 4,
                Duration.ofMillis(10), Duration.ofSeconds(60), slots, Duration.ZERO, 10L * 1024 * 1024,
                slotWait, waiters, maxResponseBytes, Duration.ofSeconds(30));
    }

    @Test
    void a_site_that_never_answers_fails_within_the_deadline_and_is_not_called_again() throws Exception {
        rewire(isolation(10, 20, Duration.ofMillis(500), Duration.ofSeconds(30), 1024 * 1024));
        wm.stubFor(get(urlPathEqualTo(PAGE)).willReturn(okJson("{}").withFixedDelay(10_000)));

        long start = System.nanoTime();
        assertThatThrownBy(() -> RequestDeadline.during(Deadline.after(Duration.ofSeconds(1)), () -> pages.read(access, PageId.of("42"))))
                .isInstanceOfSatisfying(DeadlineExceededException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DEADLINE_EXCEEDED);
                    assertThat(e.getMessage()).contains("GET /wiki/api/v2/pages/{id}").contains("1 s");
                });
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofMillis(2000));
        Thread.sleep(500);
        wm.verify(1, getRequestedFor(urlPathEqualTo(PAGE)));
        assertThat(registry.get("askel.confluence.deadline.expiries").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("askel.confluence.calls.in.flight").gauge().value()).isZero();
    }

    @Test
    void an_answer_whose_body_trickles_past_the_deadline_is_given_up_at_the_deadline() throws Exception {
        rewire(isolation(10, 20, Duration.ofMillis(500), Duration.ofSeconds(30), 1024 * 1024));
        wm.stubFor(get(urlPathEqualTo(SPACES)).willReturn(okJson(results(null, space("1", "OPS", "Ops"))).withChunkedDribbleDelay(20, 10_000)));

        long start = System.nanoTime();
        assertThatThrownBy(() -> RequestDeadline.during(Deadline.after(Duration.ofSeconds(1)), () -> spaces.listSpaces(access, 25, Optional.empty())))
                .isInstanceOf(DeadlineExceededException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(900), Duration.ofMillis(2000));
        Thread.sleep(300);
        wm.verify(1, getRequestedFor(urlPathEqualTo(SPACES)));
        assertThat(registry.get("askel.confluence.calls.in.flight").gauge().value()).isZero();
    }

    /**
     * The JDK client's asynchronous API completes every answer on {@code CompletableFuture}'s default executor,
     * which starts a new thread per task where the common pool has one thread (two cores or fewer, as in CI).
     */
    @Test
    void calls_start_no_thread_of_their_own() {
        wm.stubFor(get(urlPathEqualTo(SPACES)).willReturn(okJson(results(null, space("1", "OPS", "Ops")))));
        spaces.listSpaces(access, 25, Optional.empty());
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();

        long before = threads.getTotalStartedThreadCount();
        for (int i = 0; i < 50; i++) {
            spaces.listSpaces(access, 25, Optional.empty());
        }

        assertThat(threads.getTotalStartedThreadCount() - before).isLessThan(10);
    }

    @Test
    void a_call_outside_any_request_gets_the_default_deadline() {
        rewire(isolation(10, 20, Duration.ofMillis(500), Duration.ofSeconds(30), 1024 * 1024)
                .withIsolation(Duration.ofMillis(500), 20, 1024 * 1024, Duration.ofMillis(700)));
        wm.stubFor(get(urlPathEqualTo(PAGE)).willReturn(okJson("{}").withFixedDelay(10_000)));

        long start = System.nanoTime();
        assertThatThrownBy(() -> pages.read(access, PageId.of("42"))).isInstanceOf(DeadlineExceededException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1700));
    }

    /** Answers that outlast a 300 ms attempt: the head comes late, or it comes at once and the body trickles. */
    static Stream<Arguments> slowAnswers() {
        return Stream.of(
                Arguments.of("head after 5 s", okJson(results(null)).withFixedDelay(5_000)),
                Arguments.of("body trickled over 5 s", okJson(results(null, space("1", "OPS", "Ops"))).withChunkedDribbleDelay(20, 5_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("slowAnswers")
    void attempts_that_time_out_are_retried_only_while_the_deadline_lasts(String answer, ResponseDefinitionBuilder slow) {
        rewire(isolation(10, 20, Duration.ofMillis(500), Duration.ofMillis(300), 1024 * 1024));
        wm.stubFor(get(urlPathEqualTo(SPACES)).willReturn(slow));

        long start = System.nanoTime();
        assertThatThrownBy(() -> RequestDeadline.during(Deadline.after(Duration.ofMillis(800)),
                () -> spaces.listSpaces(access, 25, Optional.empty())))
                .isInstanceOf(ConnectorException.class)
                .satisfies(e -> assertThat(((ConnectorException) e).code()).isIn(ErrorCode.DEADLINE_EXCEEDED, ErrorCode.CONFLUENCE_UNAVAILABLE));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
        assertThat(wm.findAll(getRequestedFor(urlPathEqualTo(SPACES)))).hasSizeBetween(2, 3);
    }

    @Test
    void a_retry_whose_pause_would_outlast_the_deadline_is_not_made() {
        rewire(isolation(10, 20, Duration.ofMillis(500), Duration.ofSeconds(5), 1024 * 1024));
        wm.stubFor(get(urlPathEqualTo(SPACES)).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "5")));

        assertThatThrownBy(() -> RequestDeadline.during(Deadline.after(Duration.ofSeconds(2)),
                () -> spaces.listSpaces(access, 25, Optional.empty())))
                .isInstanceOf(ConfluenceUnavailableException.class);

        wm.verify(1, getRequestedFor(urlPathEqualTo(SPACES)));
        assertThat(sleeps).isEmpty();
    }

    @Test
    void a_full_connection_refuses_at_once_with_connection_busy_and_a_retry_after() throws Exception {
        rewire(isolation(1, 1, Duration.ofMillis(300), Duration.ofSeconds(30), 1024 * 1024));
        wm.stubFor(get(urlPathEqualTo(SPACES)).willReturn(okJson(results(null, space("1", "OPS", "Ops"))).withFixedDelay(1500)));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> holder = pool.submit(() -> spaces.listSpaces(access, 25, Optional.empty()));
            awaitInFlight(1);
            CountDownLatch waiting = new CountDownLatch(1);
            Future<Throwable> waiter = pool.submit(() -> {
                waiting.countDown();
                try {
                    spaces.listSpaces(access, 25, Optional.empty());
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
            waiting.await();
            awaitWaiting(1);

            long start = System.nanoTime();
            assertThatThrownBy(() -> spaces.listSpaces(access, 25, Optional.empty()))
                    .isInstanceOfSatisfying(RetryLaterException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION_BUSY);
                        assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(200));

            // the one that waited gives up after the slot wait, also as CONNECTION_BUSY
            assertThat(waiter.get(5, TimeUnit.SECONDS)).isInstanceOfSatisfying(RetryLaterException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION_BUSY));
            holder.get(5, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(registry.get("askel.confluence.rejections").counter().count()).isEqualTo(2.0);
        assertThat(registry.get("askel.confluence.calls.waiting").gauge().value()).isZero();
        wm.verify(1, getRequestedFor(urlPathEqualTo(SPACES)));
    }

    @Test
    void an_answer_larger_than_the_cap_is_confluence_response_too_large_and_read_once() {
        rewire(isolation(10, 20, Duration.ofMillis(500), Duration.ofSeconds(5), 128 * 1024));
        String huge = "[" + "\"x\",".repeat(100_000) + "\"x\"]";
        wm.stubFor(get(urlPathEqualTo(SPACES)).willReturn(okJson("{\"results\":" + huge + "}")));

        assertThatThrownBy(() -> spaces.listSpaces(access, 25, Optional.empty()))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFLUENCE_RESPONSE_TOO_LARGE);
                    assertThat(e.getMessage()).contains("GET /wiki/api/v2/spaces").contains("64 KiB");
                });
        wm.verify(1, getRequestedFor(urlPathEqualTo(SPACES)));
    }

    @Test
    void a_page_body_may_be_larger_than_a_list_answer() {
        rewire(isolation(10, 20, Duration.ofMillis(500), Duration.ofSeconds(5), 128 * 1024));
        String body = "<p>" + "a".repeat(100 * 1024) + "</p>";
        wm.stubFor(get(urlPathEqualTo(PAGE)).willReturn(okJson(ConfluenceFixtures.page("42", "Big", 1, "1", null, body, ConfluenceFixtures.label("7", "ops"), false))));
        wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/spaces/1")).willReturn(okJson(space("1", "OPS", "Ops"))));

        assertThat(pages.read(access, PageId.of("42"))).hasValueSatisfying(p -> assertThat(p.body().value()).hasSize(body.length()));
    }

    private void awaitInFlight(int n) throws InterruptedException {
        for (int i = 0; i < 100 && registry.find("askel.confluence.calls.in.flight").gauge() == null
                || registry.get("askel.confluence.calls.in.flight").gauge().value() < n; i++) {
            Thread.sleep(20);
        }
    }

    private void awaitWaiting(int n) throws InterruptedException {
        for (int i = 0; i < 100 && registry.get("askel.confluence.calls.waiting").gauge().value() < n; i++) {
            Thread.sleep(10);
        }
    }
}
