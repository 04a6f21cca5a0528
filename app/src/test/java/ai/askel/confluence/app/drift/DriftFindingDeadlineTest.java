package ai.askel.confluence.app.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.app.AskelConfluence;
import ai.askel.confluence.app.config.Setting;
import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.domain.DriftPolicy;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resolving a drift finding through the embedded facade is one request: all its Confluence calls share one
 * {@code ASKEL_REQUEST_DEADLINE}, as an HTTP call's do, instead of each getting a deadline of its own.
 */
class DriftFindingDeadlineTest {
    private static final Duration DEADLINE = Duration.ofSeconds(2);
    /** Shorter than the deadline, so any one call fits in it, but the calls of a whole publish do not. */
    private static final Duration LATENCY = Duration.ofMillis(600);

    @TempDir
    Path dataDir;

    private DriftSandbox site;

    @BeforeEach
    void start() {
        site = new DriftSandbox(dataDir);
    }

    @AfterEach
    void close() {
        site.close();
    }

    @Test
    void overwriting_a_deleted_runbook_page_on_a_slow_site_fails_within_one_request_deadline() {
        String page = site.publish("Crestview Production", DriftPolicy.FAIL, false).pageId().orElseThrow().value();
        site.sandbox.trashPage(page, DriftSandbox.BOB);
        List<DriftFinding> findings = site.scan();
        assertThat(findings).extracting(DriftFinding::kind).containsExactly(DriftKind.DELETED);
        reopenWithDeadline();
        site.sandbox.faults().latency(LATENCY);

        long start = System.nanoTime();
        // the overwrite publishes the runbook again: many calls, each well within the deadline, together past it
        assertThatThrownBy(() -> site.askel.overwriteDriftFinding().overwrite(site.ref, findings.get(0).id().orElseThrow()))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DEADLINE_EXCEEDED));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DEADLINE.plus(LATENCY).plusSeconds(1));
    }

    private void reopenWithDeadline() {
        site.askel.close();
        site.askel = AskelConfluence.builder().dataDirectory(site.dataDir).allowSiteOrigin(site.sandbox.baseUrl())
                .set(Setting.HTTP_PORT, "0").set(Setting.REQUEST_DEADLINE, DEADLINE.toString()).build();
    }
}
