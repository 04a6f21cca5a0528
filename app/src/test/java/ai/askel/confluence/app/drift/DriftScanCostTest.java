package ai.askel.confluence.app.drift;

import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.domain.DriftPolicy;
import ai.askel.confluence.domain.PageId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The drift scan's call-count bound (one paged CQL query, then only changed pages), measured with the sandbox's request counters. */
class DriftScanCostTest {
    private static final int RUNBOOKS = 1_000;
    private static final int EDITED = 10;

    @TempDir
    Path dataDir;

    @Test
    void scanning_1000_managed_pages_where_10_changed_costs_one_search_call_per_100_pages_plus_one_read_per_changed_page() throws Exception {
        try (DriftSandbox site = new DriftSandbox(dataDir, Optional.of("jdbc:h2:mem:drift-cost;DB_CLOSE_DELAY=-1"))) {
            List<PageId> pages = publishAll(site);
            List<PageId> edited = new ArrayList<>();
            for (int i = 0; i < RUNBOOKS; i += RUNBOOKS / EDITED) {
                site.sandbox.editPage(pages.get(i).value(), DriftSandbox.BOB, "<p>edited by hand</p>");
                edited.add(pages.get(i));
            }
            site.sandbox.resetCounters();

            List<DriftFinding> found = site.scan();

            Map<String, Long> calls = site.sandbox.requestLog().counts();
            assertThat(found).allSatisfy(f -> assertThat(f.kind()).isEqualTo(DriftKind.EDITED_IN_CONFLUENCE));
            assertThat(found).extracting(f -> f.pageId().orElseThrow()).containsExactlyInAnyOrderElementsOf(edited);
            long searches = calls.getOrDefault("GET /wiki/rest/api/content/search", 0L);
            long reads = site.sandbox.requestLog().recent().stream()
                    .filter(e -> e.method().equals("GET") && e.path().matches("/wiki/api/v2/pages/\\d+")).count();
            // one paged CQL query: 250 results asked for per call (the sandbox serves them all)
            assertThat(searches).as("calls %s", calls).isEqualTo((RUNBOOKS + 249) / 250);
            // the 10 edited runbooks, and the parent page "Customer Environments" (it carries no label, so it is read directly)
            assertThat(reads).as("calls %s", calls).isEqualTo(EDITED + 1);
            // + the credentials check, the space listing and whether the user may still edit in INFRA
            assertThat(site.sandbox.requestLog().total()).as("calls %s", calls).isEqualTo(searches + reads + 3);
        }
    }

    /** Publishes the runbooks through the use case: the first alone (it creates the parent), the rest four at a time. */
    private static List<PageId> publishAll(DriftSandbox site) throws Exception {
        List<PageId> pages = new ArrayList<>();
        pages.add(publish(site, 0));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<PageId>> rest = new ArrayList<>();
            for (int i = 1; i < RUNBOOKS; i++) {
                int n = i;
                rest.add(pool.submit(() -> publish(site, n)));
            }
            for (Future<PageId> page : rest) {
                pages.add(page.get());
            }
        } finally {
            pool.shutdownNow();
        }
        return pages;
    }

    private static PageId publish(DriftSandbox site, int n) {
        return site.publish("Customer %04d Production".formatted(n), DriftPolicy.FAIL, false).pageId().orElseThrow();
    }
}
