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

/**
 * The scan's cost, measured with the sandbox's request counters, with a diagram on every runbook (as in the seed):
 * <pre>
 *   calls = ceil(managed runbook pages / 250)   one paged CQL search; each page's attachments ride along in it
 *         + changed pages                      one read each (a version past the baseline); replaced attachments cost nothing
 *         + parent pages                       read directly (they carry no label)
 *         + 3                                  current user, space listing, edit permission per space
 *         + 1                                  the names of the people findings name (0 when none does)
 * </pre>
 */
class DriftScanCostTest {
    private static final int RUNBOOKS = 1_000;
    private static final int EDITED = 10;
    private static final int REPLACED = 5;

    @TempDir
    Path dataDir;

    @Test
    void scanning_1000_runbooks_with_a_diagram_each_where_10_were_edited_and_5_diagrams_replaced_costs_the_pages_over_250_plus_the_edits() throws Exception {
        try (DriftSandbox site = new DriftSandbox(dataDir, Optional.of("jdbc:h2:mem:drift-cost;DB_CLOSE_DELAY=-1"))) {
            List<PageId> pages = publishAll(site);
            List<PageId> edited = new ArrayList<>();
            for (int i = 0; i < RUNBOOKS; i += RUNBOOKS / EDITED) {
                site.sandbox.editPage(pages.get(i).value(), DriftSandbox.BOB, "<p>edited by hand</p>");
                edited.add(pages.get(i));
            }
            List<PageId> replaced = new ArrayList<>();
            for (int i = 1; i < RUNBOOKS; i += RUNBOOKS / REPLACED) {
                // another file of exactly the same size: only the attachment's version tells
                site.sandbox.replaceAttachment(pages.get(i).value(), DriftSandbox.DIAGRAM, DriftSandbox.sameSizeOtherDiagram(), DriftSandbox.BOB);
                replaced.add(pages.get(i));
            }
            site.sandbox.resetCounters();

            List<DriftFinding> found = site.scan();

            Map<String, Long> calls = site.sandbox.requestLog().counts();
            assertThat(found).filteredOn(f -> f.kind() == DriftKind.EDITED_IN_CONFLUENCE)
                    .extracting(f -> f.pageId().orElseThrow()).containsExactlyInAnyOrderElementsOf(edited);
            assertThat(found).filteredOn(f -> f.kind() == DriftKind.ATTACHMENT_REPLACED)
                    .extracting(f -> f.pageId().orElseThrow()).containsExactlyInAnyOrderElementsOf(replaced);
            assertThat(found).hasSize(EDITED + REPLACED);
            long searches = calls.getOrDefault("GET /wiki/rest/api/content/search", 0L);
            long reads = site.sandbox.requestLog().recent().stream()
                    .filter(e -> e.method().equals("GET") && e.path().matches("/wiki/api/v2/pages/\\d+")).count();
            long attachmentListings = site.sandbox.requestLog().recent().stream()
                    .filter(e -> e.path().endsWith("/attachments")).count();
            // one paged CQL query: 250 results asked for per call (the sandbox serves them all), attachments expanded in it
            assertThat(searches).as("calls %s", calls).isEqualTo((RUNBOOKS + 249) / 250);
            assertThat(attachmentListings).as("calls %s", calls).isZero();
            // the 10 edited runbooks, and the parent page "Customer Environments" (it carries no label, so it is read directly)
            assertThat(reads).as("calls %s", calls).isEqualTo(EDITED + 1);
            // one lookup names the people who edited (never one per finding)
            assertThat(calls.getOrDefault("POST /wiki/api/v2/users-bulk", 0L)).as("calls %s", calls).isEqualTo(1);
            // + the credentials check, the space listing and whether the user may still edit in INFRA
            long total = site.sandbox.requestLog().total();
            assertThat(total).as("calls %s", calls).isEqualTo(searches + reads + 1 + 3)
                    .isLessThanOrEqualTo((RUNBOOKS + 249) / 250 + EDITED + REPLACED + 5);
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
        return site.publish("Customer %04d Production".formatted(n), DriftPolicy.FAIL, true).pageId().orElseThrow();
    }
}
