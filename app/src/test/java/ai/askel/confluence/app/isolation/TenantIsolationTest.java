package ai.askel.confluence.app.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.adapter.http.HttpApiServer;
import ai.askel.confluence.app.AskelConfluence;
import ai.askel.confluence.app.config.Setting;
import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.WorkspaceIds;
import ai.askel.confluence.domain.error.DeadlineExceededException;
import ai.askel.confluence.ports.in.RegisterConnectionCommand;
import ai.askel.confluence.sandbox.ConfluenceSandbox;
import ai.askel.confluence.sandbox.RequestLog;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The noisy neighbour: tenant A's Confluence answers after 5 s and 50 callers hammer it, while tenant
 * B reads pages, publishes a runbook and {@code /health/live} is polled. B and health stay fast, A's
 * callers get quick, clear refusals, and once the storm ends no thread is left parked on A's site and
 * A receives no call for a request whose caller has left. The timings are short versions of the
 * real ones (a 20 s site, 30 s deadlines), configured through the ordinary settings.
 */
class TenantIsolationTest {
    private static final Duration SLOW_SITE = Duration.ofSeconds(5);
    private static final Duration DEADLINE = Duration.ofSeconds(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path data;
    private static ConfluenceSandbox siteA;
    private static ConfluenceSandbox siteB;
    private static AskelConfluence askel;
    private static HttpApiServer server;
    private static String base;
    private static String key;
    private static String connectionA;
    private static String connectionB;

    @BeforeAll
    static void start() throws IOException {
        siteA = ConfluenceSandbox.builder().port(0).demoData().start();
        siteB = ConfluenceSandbox.builder().port(0).demoData().start();
        askel = AskelConfluence.builder().dataDirectory(Files.createDirectories(data.resolve("askel")))
                .allowSiteOrigin(siteA.baseUrl()).allowSiteOrigin(siteB.baseUrl())
                .set(Setting.HTTP_PORT, "0")
                .set(Setting.REQUEST_DEADLINE, DEADLINE.toString())
                .set(Setting.CONFLUENCE_SLOT_WAIT, "PT0.2S")
                .build();
        connectionA = register("tenant-a", siteA);
        connectionB = register("tenant-b", siteB);
        server = ai.askel.confluence.app.AskelHttpApi.server(askel).start();
        base = "http://127.0.0.1:" + server.port();
        key = askel.component().manageApiKeys().create(WorkspaceIds.DEFAULT, "isolation").key().reveal();
    }

    /** A cold JVM on a busy machine can spend more than the short deadline on its very first call: try again then. */
    private static String register(String name, ConfluenceSandbox site) {
        for (int attempt = 1; ; attempt++) {
            try {
                Connection c = askel.registerConnection().register(new RegisterConnectionCommand(WorkspaceIds.DEFAULT, name, site.baseUrl(),
                        "ada@example.com", Secret.of("ada-token", "apiToken"), Optional.empty(), Optional.empty()));
                return c.id().value();
            } catch (DeadlineExceededException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (askel != null) {
            askel.close();
        }
        siteA.close();
        siteB.close();
    }

    @Test
    void a_slow_site_hammered_by_fifty_callers_never_stalls_another_tenant_or_health() throws Exception {
        String pageB = siteB.findPageId("INFRA", "Runbooks").orElseThrow();
        String pageA = siteA.findPageId("INFRA", "Runbooks").orElseThrow();
        // quiet baseline: B's reads and health, warmed up first
        for (int i = 0; i < 10; i++) {
            get("/api/v1/connections/" + connectionB + "/pages/" + pageB);
        }
        List<Long> quietReads = timed(20, () -> expect(200, get("/api/v1/connections/" + connectionB + "/pages/" + pageB)));
        List<Long> quietHealth = timed(20, () -> expect(200, get("/health/live")));
        double busyBefore = busyServerThreads();

        siteA.faults().latency(SLOW_SITE);
        AtomicBoolean storming = new AtomicBoolean(true);
        Map<Integer, LongAdder> stormAnswers = new ConcurrentHashMap<>();
        List<Long> stormLatencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService callers = Executors.newFixedThreadPool(50);
        for (int i = 0; i < 50; i++) {
            callers.submit(() -> {
                while (storming.get()) {
                    long start = System.nanoTime();
                    HttpResponse<String> r = get("/api/v1/connections/" + connectionA + "/pages/" + pageA);
                    stormLatencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                    stormAnswers.computeIfAbsent(r == null ? 0 : r.statusCode(), s -> new LongAdder()).increment();
                    pause(500); // a caller that does not wait at all only measures how fast two shared cores can refuse
                }
                return null;
            });
        }
        Thread.sleep(1000);
        List<Long> stormReads;
        List<Long> stormHealth;
        String publish;
        try {
            stormReads = timed(20, () -> expect(200, get("/api/v1/connections/" + connectionB + "/pages/" + pageB)));
            stormHealth = timed(20, () -> expect(200, get("/health/live")));
            HttpResponse<String> published = post("/api/v1/connections/" + connectionB + "/runbooks",
                    "{\"template\":\"customer-environment-runbook\",\"spaceKey\":\"INFRA\",\"title\":\"Tenant B under storm\","
                            + "\"inputs\":{\"environment\":\"Tenant B\",\"customer\":\"Tenant B Inc\",\"status\":\"LIVE\"}}");
            publish = published.statusCode() + " " + published.body();
        } finally {
            storming.set(false);
            callers.shutdown();
            assertThat(callers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        Instant callersLeft = Instant.now();

        assertThat(publish).startsWith("201");
        assertThat(percentile(stormReads, 99)).as("B's p99 read under storm vs quiet %s", quietReads)
                .isLessThanOrEqualTo(Math.max(5 * percentile(quietReads, 99), 500));
        assertThat(percentile(stormHealth, 99)).as("health p99 under storm vs quiet %s", quietHealth)
                .isLessThanOrEqualTo(Math.max(5 * percentile(quietHealth, 99), 500));
        // A's callers got clear answers: refused at once (503 CONNECTION_BUSY) or cut at the deadline (504), never hung
        assertThat(stormAnswers.keySet()).isSubsetOf(503, 504);
        assertThat(stormAnswers.get(503).sum()).isPositive();
        assertThat(Collections.max(stormLatencies)).isLessThan(DEADLINE.toMillis() + 1500);

        // after the storm: nothing parked on A's site, threads back near the baseline, and A hears nothing more
        Thread.sleep(DEADLINE.toMillis() + 500);
        assertThat(threadsInConfluenceCalls()).as("threads still waiting on Confluence").isEmpty();
        assertThat(busyServerThreads()).as("busy server threads after the storm").isLessThanOrEqualTo(busyBefore);
        Thread.sleep(SLOW_SITE.toMillis() + 500); // the sandbox logs a request when its (slow) answer is done
        Instant lastCallsMayArrive = callersLeft.plus(DEADLINE).plusMillis(300);
        List<RequestLog.Entry> late = siteA.requestLog().recent().stream()
                .filter(e -> e.at().minusMillis(e.millis()).isAfter(lastCallsMayArrive)).toList();
        assertThat(late).as("calls A received after every caller had left").isEmpty();
        siteA.faults().clear();
    }

    @Test
    void a_site_that_never_answers_fails_one_read_within_the_deadline() {
        String pageA = siteA.findPageId("INFRA", "Runbooks").orElseThrow();
        siteA.faults().latency(Duration.ofSeconds(20));
        try {
            long start = System.nanoTime();
            HttpResponse<String> r = get("/api/v1/connections/" + connectionA + "/pages/" + pageA);
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(r.statusCode()).isEqualTo(504);
            assertThat(r.body()).contains("DEADLINE_EXCEEDED").contains("GET /wiki/api/v2/pages/{id}");
            assertThat(took).isBetween(DEADLINE.toMillis() - 100, DEADLINE.toMillis() + 1000);
        } finally {
            siteA.faults().clear();
        }
    }

    /** The connector's HTTP threads serving a request, as {@code /metrics} reports them (the scrape itself is one). */
    private static double busyServerThreads() {
        String metrics = get("/metrics").body();
        return metrics.lines().filter(l -> l.startsWith("askel_http_threads_busy ")).mapToDouble(l -> Double.parseDouble(l.split(" ")[1]))
                .findFirst().orElseThrow();
    }

    private static List<String> threadsInConfluenceCalls() {
        return Arrays.stream(ManagementFactory.getThreadMXBean().dumpAllThreads(false, false))
                .filter(t -> Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getClassName().startsWith("ai.askel.confluence.adapter.confluence.")))
                .map(ThreadInfo::getThreadName).toList();
    }

    interface Step {
        void run() throws Exception;
    }

    private static List<Long> timed(int times, Step step) throws Exception {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            step.run();
            millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
        return millis;
    }

    static long percentile(List<Long> values, int p) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static void expect(int status, HttpResponse<String> r) {
        assertThat(r).isNotNull();
        assertThat(r.statusCode()).as("%s", r.body()).isEqualTo(status);
    }

    private static HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + key)
                .timeout(Duration.ofSeconds(10)).GET().build());
    }

    private static HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
