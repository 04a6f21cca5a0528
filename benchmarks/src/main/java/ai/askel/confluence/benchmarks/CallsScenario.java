package ai.askel.confluence.benchmarks;

import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.sandbox.ConfluenceSandbox;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Confluence calls per operation, counted by the sandbox, next to the minimum today's API allows and what
 * the peers spend (from the team's review of peer tools, its section 6.4).
 */
final class CallsScenario implements Scenario {
    private static final String SOURCE = "API minimum, peers doc §6.4";

    /** The minimum per step, why, and what the peers spend (peers doc §6.4 table). */
    private record Minimum(int calls, String why, String peers) {
    }

    private static final Map<String, Minimum> MINIMUM = Map.ofEntries(
            Map.entry("create page", new Minimum(1, "POST", "APA 3, CP 5–6, mark 5–6, md2cf 2, SCB 6, n8n 1, TF 2")),
            Map.entry("read page", new Minimum(1, "GET with labels included", "1 for all")),
            Map.entry("update page, changed", new Minimum(2, "GET + PUT", "APA 7, CP 8, mark 4, md2cf 3, SCB 6, n8n 2, TF 2–3")),
            Map.entry("update page, unchanged", new Minimum(1, "GET, no PUT", "APA 6, CP 5, mark 3, md2cf 2, SCB 2, TF 1")),
            Map.entry("search, one page of results", new Minimum(1, "one CQL GET", "1 for all")),
            Map.entry("add three labels", new Minimum(1, "one POST for all labels", "mark, CP 1; APA 1 per label")),
            Map.entry("remove a label", new Minimum(1, "one DELETE per label", "1 for all")),
            Map.entry("upload an attachment", new Minimum(1, "PUT …/child/attachment (upsert)", "n8n, go-atlassian 1; CP, mark +1 list")),
            Map.entry("runbook: first publish", new Minimum(4, "a read of the recorded parent (is it still current?) + POST + labels POST + attachment POST"
                    + " (v1 POST /content with labels inline would save one, but it is removed: 410)",
                    "create: APA 3, CP 5–6, mark 5–6, md2cf 2, SCB 6, plus labels/attachments")),
            Map.entry("runbook: unchanged republish", new Minimum(1, "GET (hash of last publish kept locally)", "APA 6, CP 5, mark 3, md2cf 2, SCB 2")),
            Map.entry("runbook: changed republish", new Minimum(2, "GET + PUT", "APA 7, CP 8, mark 4, md2cf 3, SCB 6")));

    @Override
    public String id() {
        return "calls";
    }

    @Override
    public String title() {
        return "1. Calls per operation";
    }

    @Override
    public void run(BenchConfig config, Report.Section section) throws Exception {
        try (ConfluenceSandbox sandbox = ConfluenceSandbox.builder().port(0).demoData()
                .user("drift@example.com", "drift-token", "557058:drift", "Drift Scanner").space("DRIFT", "Drift scan").start();
             Connector connector = Connector.open(sandbox.baseUrl())) {
            ConnectionRef ref = connector.connect("calls", sandbox.baseUrl(), "ada@example.com", "ada-token");
            Operations operations = new Operations(sandbox, connector.askel(), ref);
            operations.round(" (warm-up)"); // fills the space cache, creates "Customer Environments", warms the JIT
            for (Operations.Step step : operations.round("")) {
                Minimum min = MINIMUM.get(step.name());
                section.figure(step.name(), step.calls(), "calls", Target.atMost(min.calls(), SOURCE + ": " + min.why()),
                        endpoints(step.endpoints()) + "; peers: " + min.peers()
                                + (step.outcome().startsWith("ok") ? "" : "; " + step.outcome()));
            }
            section.note("Counted after a warm-up round (space id cached, parent page present), as in a running service."
                    + " A first call on a new connection adds one space lookup.");
            driftScan(config, sandbox, connector, section);
        }
    }

    private static void driftScan(BenchConfig config, ConfluenceSandbox sandbox, Connector connector, Report.Section section) {
        int pages = config.driftPages();
        ConnectionRef ref = connector.connect("drift", sandbox.baseUrl(), "drift@example.com", "drift-token");
        long start = System.nanoTime();
        List<String> ids = publishAll(connector, ref, pages);
        double setupSeconds = (System.nanoTime() - start) / 1e9;
        int changed = Math.min(Math.max(10, pages / 100), pages);
        for (int i = 0; i < changed; i++) {
            String id = ids.get(i * (pages / changed));
            sandbox.editPage(id, "bob@example.com", "<p>Edited by hand in Confluence.</p>");
        }
        int replaced = Math.min(5, pages);
        byte[] other = Runbooks.DRIFT_DIAGRAM.clone();
        other[0] ^= 0x20; // the same size: only the attachment's version tells
        for (int i = 0; i < replaced; i++) {
            sandbox.replaceAttachment(ids.get((i * (pages / replaced) + 1) % pages), Runbooks.DRIFT_DIAGRAM_NAME,
                    other, "bob@example.com");
        }
        RequestLogSettling.settle(sandbox.requestLog());
        sandbox.resetCounters();
        start = System.nanoTime();
        List<DriftFinding> findings = connector.askel().checkDrift().scan(ref);
        double scanSeconds = (System.nanoTime() - start) / 1e9;
        RequestLogSettling.settle(sandbox.requestLog());
        long calls = sandbox.requestLog().total();
        long edited = findings.stream().filter(f -> f.kind() == DriftKind.EDITED_IN_CONFLUENCE).count();
        long swapped = findings.stream().filter(f -> f.kind() == DriftKind.ATTACHMENT_REPLACED).count();
        int managed = pages + 1; // the runbooks and their parent page
        // the drift scan's bound: one paged CQL query (each page's attachments ride along in it), then only the changed
        // pages fetched in full; plus the credentials check, the space listing, the edit-permission check and the parent
        // (unlabelled, so read directly). A replaced attachment costs nothing more.
        int bound = (int) Math.ceil(managed / 250.0) + changed + 4;
        section.figure("drift scan of " + managed + " managed pages with a diagram each, " + changed + " edited, " + replaced
                        + " diagrams replaced", calls, "calls",
                Target.atMost(bound, "ceil(pages / 250) paged CQL calls + one read per changed page, + user, spaces,"
                        + " permission and parent checks; attachments checked in the same search; peers doc §6.4: paged CQL"
                        + " instead of one GET per page"),
                endpoints(sandbox.requestLog().counts()) + "; peers: only TF refreshes (1 GET per resource)");
        section.figure("edited pages the scan found", edited, "pages", Target.atLeast(changed, "every page edited by hand"),
                findings.size() + " open findings in all");
        section.figure("replaced diagrams the scan found", swapped, "pages", Target.atLeast(replaced,
                "every diagram replaced by another file of the same size"), "by attachment version, not size");
        section.figure("drift scan wall time", scanSeconds, "s", "no added latency; with Cloud's ~100 ms per call this is "
                + String.format(java.util.Locale.ROOT, "%.0f", calls * 0.1) + " s sequential");
        section.figure("set-up: runbooks published per second", pages / setupSeconds, "runbooks/s",
                pages + " first publishes, " + SETUP_THREADS + " threads, no added latency");
    }

    private static final int SETUP_THREADS = 8;

    /** Publishes the managed runbooks, a few at a time, and answers their page ids in order. */
    private static List<String> publishAll(Connector connector, ConnectionRef ref, int pages) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(SETUP_THREADS);
        try {
            List<java.util.concurrent.Future<String>> ids = new java.util.ArrayList<>();
            for (int i = 0; i < pages; i++) {
                String title = "Managed " + i;
                ids.add(pool.submit(() -> connector.askel().publishRunbook()
                        .publish(Runbooks.withDiagram(ref, SpaceKey.of("DRIFT"), title)).pageId().orElseThrow().value()));
            }
            List<String> out = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<String> id : ids) {
                out.add(id.get(5, java.util.concurrent.TimeUnit.MINUTES));
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("publishing the managed runbooks failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    static String endpoints(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getValue() + "× " + e.getKey()).collect(Collectors.joining(", "));
    }
}
