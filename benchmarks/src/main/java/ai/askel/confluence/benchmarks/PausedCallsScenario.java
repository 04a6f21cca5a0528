package ai.askel.confluence.benchmarks;

import ai.askel.confluence.app.AskelConfluence;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PageBody;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.CreatePageCommand;
import ai.askel.confluence.sandbox.ConfluenceSandbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the side-by-side steps' time goes. Those steps run one at a time, each after the sandbox's request log has been
 * still for 15 ms, so every step starts on idle threads and cold caches. This times one label removal and one page read
 * three ways against one sandbox, in one JVM: through the connector (which also commits an audit event for the
 * removal); with a bare JDK {@link HttpClient} set up as the connector's (HTTP/1.1, the answer read on the client's own
 * thread, a request timeout), whose answer passes from its selector thread to the caller; and with
 * {@link HttpURLConnection}, which blocks the calling thread on the socket and hands nothing between threads. Each is
 * timed back to back and after a {@value #PAUSE_MILLIS} ms pause followed by the reset of the sandbox's request
 * counters over HTTP (what the side-by-side steps do right before their clock starts); medians after
 * {@value #WARM_UP} untimed rounds. The clients take turns in a rotating order, and the label a removal takes off is put
 * back before each round by the bare client, untimed.
 */
final class PausedCallsScenario implements Scenario {
    static final int WARM_UP = 3_000;
    static final int ROUNDS = 300;
    static final long PAUSE_MILLIS = 20;
    private static final Label LABEL = Label.of("beta");

    @Override
    public String id() {
        return "paused-calls";
    }

    @Override
    public String title() {
        return "11. One call back to back and after a pause: connector, bare JDK client, HttpURLConnection";
    }

    /** One way of making the two calls. */
    private interface Client {
        void removeLabel() throws Exception;

        void readPage() throws Exception;
    }

    @Override
    public void run(BenchConfig config, Report.Section section) throws Exception {
        try (ConfluenceSandbox sandbox = ConfluenceSandbox.builder().port(0).demoData().start();
             Connector connector = Connector.open(sandbox.baseUrl())) {
            ConnectionRef ref = connector.connect("paused", sandbox.baseUrl(), "ada@example.com", "ada-token");
            AskelConfluence askel = connector.askel();
            Page page = askel.createPage().create(new CreatePageCommand(ref, SpaceKey.of(Operations.SPACE), Title.of("Paused calls"),
                    Optional.empty(), PageBody.storage("<p>One</p>"), Set.of()));
            Bare bare = new Bare(sandbox.baseUrl(), page.id());
            Map<String, Client> clients = new LinkedHashMap<>();
            clients.put("connector", new Client() {
                @Override
                public void removeLabel() {
                    askel.manageLabels().remove(ref, page.id(), LABEL);
                }

                @Override
                public void readPage() {
                    askel.readPage().read(ref, page.id());
                }
            });
            clients.put("bare JDK HttpClient", bare.client(bare::jdk));
            clients.put("HttpURLConnection", bare.client(bare::blocking));
            measure(bare, clients, WARM_UP, 0);
            Map<String, Map<String, List<Double>>> backToBack = measure(bare, clients, ROUNDS, 0);
            Map<String, Map<String, List<Double>>> paused = measure(bare, clients, ROUNDS, PAUSE_MILLIS);
            report(section, backToBack, paused);
        }
    }

    /** Each client's calls, timed in milliseconds by call name, over {@code rounds} rounds. */
    private static Map<String, Map<String, List<Double>>> measure(Bare bare, Map<String, Client> clients, int rounds, long pauseMillis)
            throws Exception {
        Map<String, Map<String, List<Double>>> times = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(clients.keySet());
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get((r + i) % names.size());
                Client client = clients.get(name);
                Map<String, List<Double>> mine = times.computeIfAbsent(name, n -> new LinkedHashMap<>());
                bare.jdk("POST", bare.addLabel, 200);
                mine.computeIfAbsent("remove a label", n -> new ArrayList<>()).add(timed(bare, client::removeLabel, pauseMillis));
                mine.computeIfAbsent("read page", n -> new ArrayList<>()).add(timed(bare, client::readPage, pauseMillis));
            }
        }
        return times;
    }

    private interface Call {
        void run() throws Exception;
    }

    private static double timed(Bare bare, Call call, long pauseMillis) throws Exception {
        if (pauseMillis > 0) {
            Thread.sleep(pauseMillis);
            bare.resetCounters();
        }
        long start = System.nanoTime();
        call.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static void report(Report.Section section, Map<String, Map<String, List<Double>>> backToBack,
                               Map<String, Map<String, List<Double>>> paused) {
        Map<String, String> connectorWork = Map.of(
                "remove a label", "the connector's own work (workspace scope, mapping, the durable commit of the audit event) on cold caches",
                "read page", "the connector's own work (workspace scope, mapping, checking the storage body) on cold caches");
        for (String call : List.of("remove a label", "read page")) {
            Map<String, Double> pausedMedians = new LinkedHashMap<>();
            for (String client : backToBack.keySet()) {
                double hot = StartupScenario.median(backToBack.get(client).get(call));
                double cold = StartupScenario.median(paused.get(client).get(call));
                pausedMedians.put(client, cold);
                section.figure(call + " · " + client + ", back to back", hot, "ms", "median of " + ROUNDS);
                section.figure(call + " · " + client + ", after a " + PAUSE_MILLIS + " ms pause and a reset", cold, "ms",
                        String.format(Locale.ROOT, "median of %d; %.1f × back to back", ROUNDS, cold / hot));
            }
            double connector = pausedMedians.get("connector");
            double jdk = pausedMedians.get("bare JDK HttpClient");
            double blocking = pausedMedians.get("HttpURLConnection");
            section.figure(call + " after a pause · connector ÷ bare JDK HttpClient", connector / jdk, "×",
                    String.format(Locale.ROOT, "%.2f vs %.2f ms: %s", connector, jdk, connectorWork.get(call)));
            section.figure(call + " after a pause · bare JDK HttpClient ÷ HttpURLConnection", jdk / blocking, "×",
                    String.format(Locale.ROOT, "%.2f vs %.2f ms: the JDK client's two thread wake-ups (its request timeout's timer wakes the selector"
                            + " thread; the answer passes from that thread to the caller)", jdk, blocking));
        }
        section.note("Diagnostic, no target. The pause is what the side-by-side scenario (7) puts before each"
                + " step: its sandbox log settles (15 ms of stillness), then the counters are reset over HTTP and the clock starts. The"
                + " figures show how much of a step's time that adds for each client, and what part of the connector's time a bare"
                + " JDK client already takes under the same conditions.");
    }

    /** One HTTP call, its answer's status checked. */
    private interface Transport {
        void call(String method, URI uri, int expected) throws Exception;
    }

    /** The two calls as the connector makes them, without it: same endpoints, same credentials. */
    private static final class Bare {
        private final String authorization = "Basic " + Base64.getEncoder()
                .encodeToString("ada@example.com:ada-token".getBytes(StandardCharsets.UTF_8));
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Runnable::run)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final URI removeLabel;
        private final URI addLabel;
        private final URI readPage;
        // a client of its own, as the side-by-side steps reset the counters with one
        private final HttpClient admin = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final URI requests;

        Bare(String base, PageId page) {
            this.requests = URI.create(base + "/__sandbox/requests");
            this.removeLabel = URI.create(base + "/wiki/rest/api/content/" + page.value() + "/label?name=" + LABEL.name());
            this.addLabel = URI.create(base + "/wiki/rest/api/content/" + page.value() + "/label");
            this.readPage = URI.create(base + "/wiki/api/v2/pages/" + page.value() + "?body-format=storage&include-labels=true");
        }

        /** The two calls, made with {@code transport}. */
        Client client(Transport transport) {
            return new Client() {
                @Override
                public void removeLabel() throws Exception {
                    transport.call("DELETE", removeLabel, 204);
                }

                @Override
                public void readPage() throws Exception {
                    transport.call("GET", readPage, 200);
                }
            };
        }

        void jdk(String method, URI uri, int expected) throws IOException, InterruptedException {
            HttpRequest.BodyPublisher body = method.equals("POST")
                    ? HttpRequest.BodyPublishers.ofString("[{\"prefix\":\"global\",\"name\":\"" + LABEL.name() + "\"}]")
                    : HttpRequest.BodyPublishers.noBody();
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Authorization", authorization).header("Accept", "application/json")
                    .header("Content-Type", "application/json").method(method, body).build(), HttpResponse.BodyHandlers.ofByteArray());
            check(method, uri, answer.statusCode(), expected);
        }

        void resetCounters() throws IOException, InterruptedException {
            HttpResponse<Void> answer = admin.send(HttpRequest.newBuilder(requests).timeout(Duration.ofSeconds(10)).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
            check("DELETE", requests, answer.statusCode() / 100 * 100, 200);
        }

        void blocking(String method, URI uri, int expected) throws IOException {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(30_000);
            connection.setRequestMethod(method);
            connection.setRequestProperty("Authorization", authorization);
            connection.setRequestProperty("Accept", "application/json");
            int status = connection.getResponseCode();
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                if (in != null) {
                    in.readAllBytes(); // read to the end, so the connection goes back to the keep-alive cache
                }
            }
            check(method, uri, status, expected);
        }

        private static void check(String method, URI uri, int status, int expected) {
            if (status != expected) {
                throw new UncheckedIOException(new IOException(method + " " + uri + " answered " + status + ", not " + expected));
            }
        }
    }
}
