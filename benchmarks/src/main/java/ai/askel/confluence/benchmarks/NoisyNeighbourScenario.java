package ai.askel.confluence.benchmarks;

import ai.askel.confluence.adapter.http.HttpApiServer;
import ai.askel.confluence.app.AskelConfluence;
import ai.askel.confluence.app.AskelHttpApi;
import ai.askel.confluence.app.config.Setting;
import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.WorkspaceIds;
import ai.askel.confluence.ports.in.RegisterConnectionCommand;
import ai.askel.confluence.sandbox.ConfluenceSandbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Tenant B's latency over the HTTP API, quiet and while tenant A's site answers every call after a long
 * pause and many callers hammer A: side by side in one run. The connector runs with its production
 * defaults (30 s deadline, 10 calls in flight and 20 waiting per connection, a 40-thread reserve).
 */
final class NoisyNeighbourScenario implements Scenario {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public String id() {
        return "noisy-neighbour";
    }

    @Override
    public String title() {
        return "8. Noisy neighbour: one slow site, another tenant's latency";
    }

    @Override
    public void run(BenchConfig config, Report.Section section) throws Exception {
        Duration latency = Duration.ofMillis(Integer.getInteger("bench.noisy.latency-ms", 20_000));
        int callers = Integer.getInteger("bench.noisy.callers", 50);
        int reads = Integer.getInteger("bench.noisy.reads", 200);
        Path dir = Files.createTempDirectory("askel-bench-noisy-");
        try (ConfluenceSandbox siteA = ConfluenceSandbox.builder().port(0).demoData().start();
             ConfluenceSandbox siteB = ConfluenceSandbox.builder().port(0).demoData().start();
             AskelConfluence askel = AskelConfluence.builder().dataDirectory(dir).allowSiteOrigin(siteA.baseUrl())
                     .allowSiteOrigin(siteB.baseUrl()).set(Setting.HTTP_PORT, "0").build();
             HttpApiServer server = AskelHttpApi.server(askel).start()) {
            String a = register(askel, "tenant-a", siteA);
            String b = register(askel, "tenant-b", siteB);
            String key = askel.component().manageApiKeys().create(WorkspaceIds.DEFAULT, "bench").key().reveal();
            String base = "http://127.0.0.1:" + server.port();
            String readB = base + "/api/v1/connections/" + b + "/pages/" + siteB.findPageId("INFRA", "Runbooks").orElseThrow();
            String readA = base + "/api/v1/connections/" + a + "/pages/" + siteA.findPageId("INFRA", "Runbooks").orElseThrow();

            measure(readB, key, 50); // warm-up
            List<Long> quiet = measure(readB, key, reads);
            List<Long> quietHealth = measure(base + "/health/live", null, reads);

            siteA.faults().latency(latency);
            AtomicBoolean storming = new AtomicBoolean(true);
            Map<Integer, LongAdder> answersA = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            List<Long> storm;
            List<Long> stormHealth;
            try {
                for (int i = 0; i < callers; i++) {
                    pool.submit(() -> {
                        while (storming.get()) {
                            int status = status(send(readA, key));
                            answersA.computeIfAbsent(status, s -> new LongAdder()).increment();
                            if (status == 503) {
                                sleep(100); // a client that honours nothing but a short pause
                            }
                        }
                    });
                }
                sleep(1000);
                storm = measure(readB, key, reads);
                stormHealth = measure(base + "/health/live", null, reads);
            } finally {
                storming.set(false);
                siteA.faults().clear();
                pool.shutdownNow();
                pool.awaitTermination(latency.toSeconds() + 35, TimeUnit.SECONDS);
            }

            long quietP99 = percentile(quiet, 99);
            section.figure("tenant B read p50, quiet", percentile(quiet, 50), "ms", reads + " sequential reads over HTTP");
            section.figure("tenant B read p50, A under storm", percentile(storm, 50), "ms", reads + " sequential reads over HTTP");
            section.figure("tenant B read p99, quiet", quietP99, "ms", "");
            section.figure("tenant B read p99, A under storm", percentile(storm, 99), "ms",
                    Target.atMost(Math.max(2.0 * quietP99, 10), "2 × the quiet p99 (at least 10 ms)"), "");
            section.figure("/health/live p99, quiet vs under storm", percentile(stormHealth, 99), "ms",
                    "quiet: " + percentile(quietHealth, 99) + " ms");
            section.figure("tenant B failures under storm", storm.stream().filter(t -> t < 0).count(), "",
                    Target.atMost(0, "every read of B succeeds"), "");
            section.note(String.format(Locale.ROOT, "Storm: tenant A's site answers after %d ms; %d callers hammer A (a 503 makes a caller"
                    + " pause 100 ms). A's answers by status: %s.", latency.toMillis(), callers, new TreeMap<>(answersA)));
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String register(AskelConfluence askel, String name, ConfluenceSandbox site) {
        Connection c = askel.registerConnection().register(new RegisterConnectionCommand(WorkspaceIds.DEFAULT, name, site.baseUrl(),
                "ada@example.com", Secret.of("ada-token", "apiToken"), Optional.empty(), Optional.empty()));
        return c.id().value();
    }

    /** Milliseconds per call; a failed call counts as -1. */
    private static List<Long> measure(String url, String key, int times) {
        List<Long> out = new ArrayList<>(times);
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            int status = status(send(url, key));
            out.add(status == 200 ? TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) : -1);
        }
        return out;
    }

    private static HttpResponse<Void> send(String url, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET();
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static int status(HttpResponse<Void> r) {
        return r == null ? 0 : r.statusCode();
    }

    static long percentile(List<Long> values, int p) {
        List<Long> sorted = values.stream().map(v -> v < 0 ? Long.MAX_VALUE : v).sorted().toList();
        long v = sorted.get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
        return v == Long.MAX_VALUE ? -1 : v;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
