package ai.askel.confluence.benchmarks;

import ai.askel.confluence.app.AskelConfluence;
import ai.askel.confluence.app.JobHandle;
import ai.askel.confluence.app.config.Setting;
import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.Job;
import ai.askel.confluence.domain.JobState;
import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.WorkspaceIds;
import ai.askel.confluence.ports.in.PublishRunbookCommand;
import ai.askel.confluence.domain.PublishSource;
import ai.askel.confluence.ports.in.RegisterConnectionCommand;
import ai.askel.confluence.ports.in.SubmitRunbookBatchCommand;
import ai.askel.confluence.ports.out.JobItemRequest;
import ai.askel.confluence.sandbox.ConfluenceSandbox;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * A batch of runbooks (one site, one user) as a job run by one and then by three connector instances
 * sharing one PostgreSQL, with latency added to every call and a per-site rate limit. Each instance is a
 * full connector with its own pool and db-scheduler worker (in this JVM: they coordinate only through
 * the database, as separate processes would). Reports throughput, the floor (the larger of the rate
 * limit's and the latency's), and 429s side by side, and checks for duplicate pages.
 */
final class ScaleOutScenario implements Scenario {
    /** Items one instance runs at once: the connector's default calls in flight per connection. */
    static final int THREADS_PER_INSTANCE = 10;
    private static final String CREATE = "POST /wiki/api/v2/pages";
    /** The connector's timer of one job item attempt, from its start to its publish's end. */
    private static final String ITEM_DURATION = "askel.job.item.duration";
    /** Calls per thread of the bare-client reference (a few seconds at 50 ms). */
    private static final int BARE_CALLS_EACH = 40;

    private final int runbooks = Integer.getInteger("bench.scaleout.runbooks", 3000);
    private final int rateLimit = Integer.getInteger("bench.scaleout.rate-limit", 4000);
    private final Duration rateWindow = Duration.ofSeconds(Integer.getInteger("bench.scaleout.rate-window-s", 10));

    @Override
    public String id() {
        return "scale-out";
    }

    @Override
    public String title() {
        return "10. Scale-out: one batch job through 1 and 3 instances on one PostgreSQL";
    }

    @Override
    public void run(BenchConfig config, Report.Section section) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            Run one = run(config, postgres, 1);
            Run three = run(config, postgres, 3);
            for (Run r : List.of(one, three)) {
                String n = r.instances + (r.instances == 1 ? " instance" : " instances");
                section.figure("throughput, " + n, runbooks / r.wall, "runbooks/s", String.format(Locale.ROOT,
                        "%d runbooks in %.1f s; %d answered calls (%.2f per runbook)", runbooks, r.wall, r.answered,
                        r.answered / (double) runbooks));
                String floorNote = String.format(Locale.ROOT, "floor %.1f s = max(rate floor %.1f s at %d calls per %d s, latency floor %.1f s = calls × %d ms ÷ %d in flight)",
                                r.floor(), r.rateFloor, rateLimit, rateWindow.toSeconds(), r.latencyFloor, config.bulkLatency().toMillis(),
                                r.instances * THREADS_PER_INSTANCE);
                if (r.instances == 3) {
                    section.figure("wall time ÷ floor, " + n, r.wall / r.floor(), "×",
                            Target.atMost(1.2, "3 instances reach the rate-limit floor within 1.2×"), floorNote);
                } else {
                    section.figure("wall time ÷ floor, " + n, r.wall / r.floor(), "×", floorNote);
                }
                section.figure("worker threads busy running items, " + n, 100 * r.busy(), "%", String.format(Locale.ROOT,
                        "%d item runs averaging %.0f ms (%d calls at %d ms each: %.0f ms); the rest of the threads' time went to waiting"
                                + " for an item and to its bookkeeping in the database", r.itemRuns, 1000 * r.itemSeconds / r.itemRuns,
                        Math.round(r.answered / (double) runbooks), config.bulkLatency().toMillis(),
                        Math.round(r.answered / (double) runbooks) * (double) config.bulkLatency().toMillis()));
                section.figure("wall time ÷ this host's floor, " + n, r.wall / r.hostFloor(), "×", String.format(Locale.ROOT,
                        "floor %.1f s with each call taking %.1f ms, the mean of a bare JDK client's GETs with %d in flight at the same"
                                + " latency, measured right after the run (%d ms added)", r.hostFloor(), 1000 * r.bareCall,
                        r.instances * THREADS_PER_INSTANCE, config.bulkLatency().toMillis()));
                section.figure("429 answers, " + n, r.tooMany, "", "answered by the sandbox's per-user budget; the connector waits as Retry-After says");
                section.figure("failed or missing runbooks, " + n, r.failed + r.missing, "", Target.atMost(0, "every item succeeds"),
                        r.failed + " failed items, " + r.missing + " runbooks without a page");
                section.figure("pages created, " + n, r.created, "", Target.atMost(runbooks + 1, runbooks + " runbooks + the parent: no duplicates"),
                        "POST /pages answered 200");
            }
            section.note("Scale: " + runbooks + " runbooks on one site and user, " + config.bulkLatency().toMillis()
                    + " ms added to every call, a budget of " + rateLimit + " calls per " + rateWindow.toSeconds() + " s; each instance runs "
                    + THREADS_PER_INSTANCE + " items at once (ASKEL_JOB_THREADS) and polls every 100 ms. The instances are full connectors"
                    + " in one JVM (own pool, own db-scheduler worker), coordinating only through PostgreSQL; on a 2-core machine they also"
                    + " share the CPU with the sandbox and PostgreSQL.");
        }
    }

    private record Run(int instances, double wall, long answered, long tooMany, long created, int failed, long missing,
                       double rateFloor, double latencyFloor, double itemSeconds, long itemRuns, double bareCall) {
        double floor() {
            return Math.max(rateFloor, latencyFloor);
        }

        /** The floor with each call taking what a bare client's took on this host at the same latency and calls in flight. */
        double hostFloor() {
            return Math.max(rateFloor, answered * bareCall / (instances * THREADS_PER_INSTANCE));
        }

        /** The share of the worker threads' time spent running items (the rest: waiting for one, or its bookkeeping). */
        double busy() {
            return itemSeconds / (wall * instances * THREADS_PER_INSTANCE);
        }
    }

    private Run run(BenchConfig config, EmbeddedPostgres postgres, int instances) throws Exception {
        String database = "askel_scaleout_" + instances;
        try (java.sql.Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + database);
        }
        String url = postgres.getJdbcUrl("postgres", database);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String masterKey = Base64.getEncoder().encodeToString(key);
        String space = "SCALE";
        try (ConfluenceSandbox sandbox = ConfluenceSandbox.builder().port(0)
                .user("scale@example.com", "scale-token", "557058:scale", "Scale").space(space, "Scale").start()) {
            List<AskelConfluence> nodes = new ArrayList<>();
            List<SimpleMeterRegistry> meters = new ArrayList<>();
            try {
                for (int i = 0; i < instances; i++) {
                    Path dir = Files.createTempDirectory("askel-scaleout-");
                    meters.add(new SimpleMeterRegistry());
                    nodes.add(AskelConfluence.builder().dataDirectory(dir).meterRegistry(meters.get(i)).database(url, "postgres", "").masterKeyBase64(masterKey)
                            .allowSiteOrigin(sandbox.baseUrl()).set(Setting.JOB_THREADS, Integer.toString(THREADS_PER_INSTANCE))
                            .set(Setting.JOB_POLL_INTERVAL, "PT0.1S").set(Setting.DATABASE_POOL_SIZE, "14").build());
                }
                Connection connection = nodes.get(0).registerConnection().register(new RegisterConnectionCommand(WorkspaceIds.DEFAULT,
                        "scale", sandbox.baseUrl(), "scale@example.com", Secret.of("scale-token", "apiToken"), Optional.empty(),
                        Optional.empty()));
                List<JobItemRequest> items = IntStream.range(0, runbooks).mapToObj(i -> item(nodes.get(0), connection, space, i)).toList();
                sandbox.faults().latency(config.bulkLatency());
                sandbox.rateLimits().budget(rateLimit, rateWindow);
                RequestLogSettling.settle(sandbox.requestLog());
                sandbox.resetCounters();
                try (RequestLogTap tap = new RequestLogTap(sandbox.requestLog())) {
                    long start = System.nanoTime();
                    nodes.forEach(n -> n.startWorker(false));
                    JobHandle job = nodes.get(0).submitRunbookBatch(new SubmitRunbookBatchCommand(nodes.get(0).defaultWorkspace().connection(connection.id()), items,
                            Optional.empty()));
                    Job done = job.await(Duration.ofMinutes(30), Duration.ofMillis(100), j -> { });
                    double wall = (System.nanoTime() - start) / 1e9;
                    RequestLogSettling.settle(sandbox.requestLog());
                    if (done.state() != JobState.COMPLETED) {
                        throw new IllegalStateException("the job did not complete: " + done);
                    }
                    long calls = sandbox.requestLog().total();
                    Map<Integer, Long> statuses = tap.statuses();
                    long tooMany = statuses.getOrDefault(429, 0L);
                    long answered = calls - tooMany;
                    double rateFloor = Math.max(0, Math.ceil(answered / (double) rateLimit) - 1) * rateWindow.toSeconds();
                    double latencyFloor = answered * config.bulkLatency().toMillis() / 1000.0 / (instances * THREADS_PER_INSTANCE);
                    long missing = IntStream.range(0, runbooks).filter(i -> sandbox.findPageId(space, title(i)).isEmpty()).count();
                    sandbox.rateLimits().disable();
                    double bareCall = BareCalls.meanSeconds(URI.create(sandbox.baseUrl() + "/wiki/api/v2/spaces?keys=" + space),
                            "scale@example.com", "scale-token", instances * THREADS_PER_INSTANCE, BARE_CALLS_EACH);
                    sandbox.faults().clear();
                    List<Timer> itemTimers = meters.stream().flatMap(m -> m.find(ITEM_DURATION).timers().stream()).toList();
                    return new Run(instances, wall, answered, tooMany, tap.count(CREATE, 200), (int) done.counts().failed(), missing,
                            rateFloor, latencyFloor, itemTimers.stream().mapToDouble(t -> t.totalTime(TimeUnit.SECONDS)).sum(),
                            itemTimers.stream().mapToLong(Timer::count).sum(), bareCall);
                }
            } finally {
                for (AskelConfluence node : nodes) {
                    node.close();
                }
            }
        }
    }

    private static JobItemRequest item(AskelConfluence askel, Connection connection, String space, int i) {
        PublishRunbookCommand c = Runbooks.minimal(askel.defaultWorkspace().connection(connection.id()), SpaceKey.of(space), title(i));
        PublishSource.FromTemplate template = (PublishSource.FromTemplate) c.source();
        return new JobItemRequest(c.space(), c.parentTitle(), c.title(), template.templateId(), template.inputs(), c.labels(), List.of(),
                c.onDrift());
    }

    private static String title(int i) {
        return String.format("Runbook %04d", i);
    }
}
