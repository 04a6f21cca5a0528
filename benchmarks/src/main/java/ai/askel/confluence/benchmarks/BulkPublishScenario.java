package ai.askel.confluence.benchmarks;

import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.sandbox.ConfluenceSandbox;
import ai.askel.confluence.sandbox.ConfluenceSandboxBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * many runbooks across several connections (one Confluence user and space each) with added latency per
 * call and a per-site rate limit in the sandbox. Wall time against the floor, 429s, failures, and a duplicate check.
 * A warm-up batch (in spaces of its own, no latency, no limit, not counted) runs first: the figure is a running
 * service's, not that of a JVM whose first seconds go to compiling its code (over a quarter of the CPU of a run
 * without it, measured with async-profiler).
 */
final class BulkPublishScenario implements Scenario {
    /** The connector's default {@code askel.confluence.max-concurrency}: calls in flight per connection. */
    static final int CONCURRENCY_PER_CONNECTION = 10;
    static final int WARM_UP_RUNBOOKS = 300;
    private static final String CREATE = "POST /wiki/api/v2/pages";

    @Override
    public String id() {
        return "bulk";
    }

    @Override
    public String title() {
        return "3. Bulk publishing with latency and a rate limit";
    }

    @Override
    public void run(BenchConfig config, Report.Section section) throws Exception {
        int connections = config.bulkConnections();
        int runbooks = config.bulkRunbooks();
        Duration latency = config.bulkLatency();
        ConfluenceSandboxBuilder builder = ConfluenceSandbox.builder().port(0);
        for (int c = 0; c < connections; c++) {
            builder.user("bulk" + c + "@example.com", "bulk-token-" + c, "557058:bulk" + c, "Bulk " + c).space("BULK" + c, "Bulk " + c)
                    .space("WARM" + c, "Warm-up " + c);
        }
        try (ConfluenceSandbox sandbox = builder.start(); Connector connector = Connector.open(sandbox.baseUrl())) {
            List<ConnectionRef> refs = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                refs.add(connector.connect("bulk-" + c, sandbox.baseUrl(), "bulk" + c + "@example.com", "bulk-token-" + c));
            }
            ExecutorService pool = Executors.newFixedThreadPool(connections * CONCURRENCY_PER_CONNECTION);
            try {
                Map<String, AtomicInteger> warmUpFailures = new ConcurrentHashMap<>();
                publishAll(pool, connector, refs, WARM_UP_RUNBOOKS, "WARM", i -> "Warm-up " + i, warmUpFailures);
                if (!warmUpFailures.isEmpty()) {
                    throw new IllegalStateException("the warm-up failed: " + warmUpFailures);
                }
                sandbox.faults().latency(latency);
                sandbox.rateLimits().siteBudget(config.bulkRateLimit(), config.bulkRateWindow());
                RequestLogSettling.settle(sandbox.requestLog());
                sandbox.resetCounters();

                Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
                try (RequestLogTap tap = new RequestLogTap(sandbox.requestLog())) {
                    long start = System.nanoTime();
                    long cpuStart = cpuNanos();
                    publishAll(pool, connector, refs, runbooks, "BULK", BulkPublishScenario::title, failures);
                    double wall = (System.nanoTime() - start) / 1e9;
                    double cpu = (cpuNanos() - cpuStart) / 1e9;
                    RequestLogSettling.settle(sandbox.requestLog());
                    sandbox.faults().clear();
                    sandbox.rateLimits().disable();
                    report(config, section, sandbox, tap, failures, wall);
                    section.figure("CPU used during the run", cpu / wall / Runtime.getRuntime().availableProcessors() * 100, "% of all cores",
                            String.format(java.util.Locale.ROOT, "%.1f CPU-s in %.1f s on %d cores, this JVM: connector, H2, sandbox and load generator",
                                    cpu, wall, Runtime.getRuntime().availableProcessors()));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** Publishes {@code count} runbooks spread over the connections, all at once on {@code pool}, and waits for every one. */
    private static void publishAll(ExecutorService pool, Connector connector, List<ConnectionRef> refs, int count, String spacePrefix,
                                   java.util.function.IntFunction<String> titles, Map<String, AtomicInteger> failures) throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int c = i % refs.size();
            String title = titles.apply(i);
            futures.add(pool.submit(() -> {
                try {
                    connector.askel().publishRunbook().publish(Runbooks.minimal(refs.get(c), SpaceKey.of(spacePrefix + c), title));
                } catch (RuntimeException e) {
                    failures.computeIfAbsent(e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()), k -> new AtomicInteger())
                            .incrementAndGet();
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
    }

    private static void report(BenchConfig config, Report.Section section, ConfluenceSandbox sandbox, RequestLogTap tap,
                               Map<String, AtomicInteger> failures, double wall) {
        int connections = config.bulkConnections();
        int runbooks = config.bulkRunbooks();
        long calls = sandbox.requestLog().total();
        Map<Integer, Long> statuses = tap.statuses();
        long tooMany = statuses.getOrDefault(429, 0L);
        long answered = calls - tooMany;
        double latencySeconds = config.bulkLatency().toMillis() / 1000.0;
        int allowed = connections * CONCURRENCY_PER_CONNECTION;
        double latencyFloor = answered * latencySeconds / allowed;
        double rateFloor = Math.max(0, Math.ceil(answered / (double) config.bulkRateLimit()) - 1) * config.bulkRateWindow().toSeconds();
        double floor = Math.max(latencyFloor, rateFloor);

        long missing = 0;
        for (int i = 0; i < runbooks; i++) {
            if (sandbox.findPageId("BULK" + (i % connections), title(i)).isEmpty()) {
                missing++;
            }
        }
        long created = tap.count(CREATE, 200);
        long expectedCreates = runbooks + connections; // each runbook + one "Customer Environments" parent per space
        int failed = failures.values().stream().mapToInt(AtomicInteger::get).sum();

        section.figure("wall time for " + runbooks + " runbooks", wall, "s", Target.atMost(1.2 * floor, "1.2 × the floor"),
                String.format(java.util.Locale.ROOT, "%.1f runbooks/s", runbooks / wall));
        section.figure("floor", floor, "s", String.format(java.util.Locale.ROOT,
                "max(latency floor %.1f s = %d answered calls × %d ms ÷ %d in flight (%d connections × %d), rate floor %.0f s = %d calls at %d per %d s for the site)",
                latencyFloor, answered, config.bulkLatency().toMillis(), allowed, connections, CONCURRENCY_PER_CONNECTION,
                rateFloor, answered, config.bulkRateLimit(), config.bulkRateWindow().toSeconds()));
        section.figure("calls per runbook", answered / (double) runbooks, "calls", "answered calls (429s excluded) ÷ runbooks");
        section.figure("429 answers received", tooMany, "", Target.atMost(connections, "at most one per connection"), "sandbox statuses: " + statuses
                + (tap.possiblyMissed() ? " (the log may have rotated past some entries between polls)" : ""));
        section.figure("failed publishes", failed, "", Target.atMost(0, "every publish succeeds"),
                failures.isEmpty() ? "none" : failures.entrySet().stream().map(e -> e.getValue() + "× " + e.getKey())
                        .collect(Collectors.joining("; ")));
        section.figure("runbooks missing in Confluence", missing, "", Target.atMost(0, "every runbook has its page"), "by title, per space");
        section.figure("pages created", created, "", Target.atMost(expectedCreates, runbooks + " runbooks + " + connections + " parents: no duplicates"),
                "POST /pages answered 200; refused POSTs (400 title exists): " + tap.count(CREATE, 400));
        section.note("Scale: " + runbooks + " runbooks over " + connections + " connections (one user and space each), "
                + config.bulkLatency().toMillis() + " ms added to every call, a budget of " + config.bulkRateLimit() + " calls per "
                + config.bulkRateWindow().toSeconds() + " s that all connections share (Confluence's quota is the site's); " + connections * CONCURRENCY_PER_CONNECTION
                + " publishing threads (the connector's " + CONCURRENCY_PER_CONNECTION + " calls in flight per connection).");
        section.note("Confluence Cloud's own rule (one current page per title and space) makes a duplicate page impossible; a racing"
                + " duplicate create shows up as a refused POST instead.");
    }

    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static String title(int i) {
        return String.format("Runbook %04d", i);
    }

    private static String firstLine(String message) {
        return Optional.ofNullable(message).map(m -> m.lines().findFirst().orElse("")).orElse("");
    }
}
