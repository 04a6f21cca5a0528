package ai.askel.confluence.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.askel.confluence.app.config.Setting;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.ports.in.PublishResult;
import ai.askel.confluence.sandbox.ConfluenceSandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Confluence's faults during a runbook publish (a parent create, a page create, labels, an
 * attachment): every publish either completes or fails with a clear, typed error, and a publish
 * after the fault cleared leaves exactly one page, its labels and one upload of the attachment.
 */
class FaultToleranceTest {
    private static final AtomicInteger TITLES = new AtomicInteger();

    private static ConfluenceSandbox sandbox;
    private static Harness harness;

    @BeforeAll
    static void start(@TempDir Path dir) {
        sandbox = ConfluenceSandbox.builder().port(0).demoData().start();
        harness = Harness.embedded(sandbox, dir, Harness.fastSettings());
    }

    @AfterAll
    static void stop() {
        harness.close();
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.faults().clear();
        sandbox.rateLimits().disable();
        sandbox.resetCounters();
    }

    private static String title() {
        return "Fault " + TITLES.incrementAndGet();
    }

    /** A 429 storm shorter than the retry budget: each write is retried after Retry-After (clamped) and lands once. */
    @Test
    void a_429_storm_with_retry_after_on_every_write_is_ridden_out_and_nothing_is_written_twice() {
        String title = title();
        sandbox.faults().failNext("POST", "/wiki/api/v2/pages", 429, 3, Duration.ofSeconds(30))
                .failNext("POST", "/wiki/rest/api/content/*/label", 429, 3, Duration.ofSeconds(30))
                .failNext("POST", "/wiki/rest/api/content/*/child/attachment", 429, 3, Duration.ofSeconds(30));

        long started = System.nanoTime();
        PublishResult result = harness.askel.publishRunbook().publish(harness.runbook(title));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("Retry-After: 30 clamped to the max retry wait")
                .isLessThan(Duration.ofSeconds(10));
        assertThat(sandbox.requestLog().recent()).filteredOn(e -> e.status() == 429).hasSize(9);
        assertPublishedOnce(title, result.pageId().orElseThrow());
    }

    @Test
    void a_429_storm_longer_than_the_retry_budget_fails_as_rate_limited_and_a_later_publish_completes_once() {
        String title = title();
        sandbox.faults().failNext("POST", "/wiki/api/v2/pages", 429, 50, Duration.ofSeconds(1));

        ConnectorException failure = catchThrowableOfType(ConnectorException.class,
                () -> harness.askel.publishRunbook().publish(harness.runbook(title)));

        assertThat(failure.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(failure.getMessage()).containsIgnoringCase("rate");
        sandbox.faults().clear();
        PublishResult result = harness.askel.publishRunbook().publish(harness.runbook(title));
        assertPublishedOnce(title, result.pageId().orElseThrow());
    }

    @ParameterizedTest(name = "{0} on every write once")
    @ValueSource(ints = {500, 502, 503, 504})
    void a_server_error_on_each_write_is_retried_or_recovered_without_a_duplicate(int status) {
        String title = title();
        sandbox.faults().failNext("POST", "/wiki/api/v2/pages", status, 1)
                .failNext("POST", "/wiki/rest/api/content/*/label", status, 1)
                .failNext("POST", "/wiki/rest/api/content/*/child/attachment", status, 1);

        PublishResult result = publishOrRetry(title);

        assertPublishedOnce(title, result.pageId().orElseThrow());
    }

    @Test
    void dropped_connections_on_a_fifth_of_all_requests_never_duplicate_a_page_or_an_upload() {
        for (int i = 0; i < 3; i++) {
            String title = title();
            sandbox.resetCounters();
            sandbox.faults().seed(7 + i).dropRate(0.2);
            PublishResult result = publishOrRetry(title);
            assertPublishedOnce(title, result.pageId().orElseThrow());
        }
    }

    @Test
    void a_401_mid_run_fails_as_credentials_rejected_naming_no_secret_and_a_publish_after_rotation_completes_once() {
        String title = title();
        sandbox.faults().failNext("POST", "/wiki/rest/api/content/*/label", 401, 1);

        ConnectorException failure = catchThrowableOfType(ConnectorException.class,
                () -> harness.askel.publishRunbook().publish(harness.runbook(title)));

        assertThat(failure.code()).isEqualTo(ErrorCode.CREDENTIALS_REJECTED);
        assertThat(failure.getMessage()).isNotBlank().doesNotContain(Harness.ADA_TOKEN);
        assertThat(sandbox.requestLog().recent()).filteredOn(e -> e.status() == 401).hasSize(1);
        PublishResult result = harness.askel.publishRunbook().publish(harness.runbook(title));
        assertPublishedOnce(title, result.pageId().orElseThrow());
    }

    @Test
    void a_revoked_token_fails_every_later_call_with_credentials_rejected_and_is_not_retried() {
        String title = title();
        sandbox.revokeToken("ada@example.com");
        try {
            ConnectorException failure = catchThrowableOfType(ConnectorException.class,
                    () -> harness.askel.publishRunbook().publish(harness.runbook(title)));
            assertThat(failure.code()).isEqualTo(ErrorCode.CREDENTIALS_REJECTED);
            assertThat(sandbox.requestLog().recent()).filteredOn(e -> e.status() == 401).hasSize(1);
            assertThat(harness.writes()).isEmpty();
        } finally {
            sandbox.setToken("ada@example.com", Harness.ADA_TOKEN);
        }
    }

    /** Retries are fine; what must never happen is a second page, a second label call that succeeds twice, or two uploads. */
    private static PublishResult publishOrRetry(String title) {
        for (int attempt = 1; ; attempt++) {
            try {
                return harness.askel.publishRunbook().publish(harness.runbook(title));
            } catch (ConnectorException e) {
                assertThat(e.code()).as(e.getMessage()).isIn(ErrorCode.CONFLUENCE_UNAVAILABLE, ErrorCode.CONFLUENCE_ERROR,
                        ErrorCode.RATE_LIMITED);
                assertThat(e.getMessage()).isNotBlank();
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private static void assertPublishedOnce(String title, PageId pageId) {
        harness.assertPublishedOnce(title, pageId);
    }

}
