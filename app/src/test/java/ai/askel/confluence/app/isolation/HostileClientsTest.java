package ai.askel.confluence.app.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.adapter.http.HttpApiServer;
import ai.askel.confluence.app.AskelConfluence;
import ai.askel.confluence.app.config.Setting;
import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.WorkspaceIds;
import ai.askel.confluence.ports.in.RegisterConnectionCommand;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks on the HTTP API and from a hostile site, each of which used to take the server down: a
 * body trickled byte by byte on many connections, thousands of invented HTTP methods, a small request
 * that made a huge problem, and a site answering 400 MB. Each leaves {@code /health/live} answering,
 * the heap flat (measured after GC) and {@code /metrics} small.
 */
class HostileClientsTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final long MIB = 1024 * 1024;

    @TempDir
    static Path data;
    private static HttpServer hostileSite;
    private static AskelConfluence askel;
    private static HttpApiServer server;
    private static String base;
    private static String key;
    private static String connection;

    @BeforeAll
    static void start() throws IOException {
        hostileSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hostileSite.createContext("/wiki/rest/api/user/current", exchange -> answer(exchange,
                "{\"type\":\"known\",\"accountId\":\"557058:hostile\",\"accountType\":\"atlassian\",\"email\":\"ada@example.com\","
                        + "\"publicName\":\"Ada\",\"displayName\":\"Ada\"}"));
        hostileSite.createContext("/wiki/api/v2/spaces", HostileClientsTest::fourHundredMegabytes);
        hostileSite.start();
        String site = "http://127.0.0.1:" + hostileSite.getAddress().getPort();
        askel = AskelConfluence.builder().dataDirectory(Files.createDirectories(data.resolve("askel"))).allowSiteOrigin(site)
                .set(Setting.HTTP_PORT, "0")
                .set(Setting.HTTP_BODY_READ_TIMEOUT, "PT1S")
                .set(Setting.HTTP_MAX_THREADS, "40")
                .set(Setting.HTTP_RESERVED_THREADS, "10")
                .build();
        Connection c = askel.registerConnection().register(new RegisterConnectionCommand(WorkspaceIds.DEFAULT, "hostile", site,
                "ada@example.com", Secret.of("ada-token", "apiToken"), Optional.empty(), Optional.empty()));
        connection = c.id().value();
        server = ai.askel.confluence.app.AskelHttpApi.server(askel).start();
        base = "http://127.0.0.1:" + server.port();
        key = askel.component().manageApiKeys().create(WorkspaceIds.DEFAULT, "hostile").key().reveal();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (askel != null) {
            askel.close();
        }
        hostileSite.stop(0);
    }

    @Test
    void bodies_trickled_on_more_connections_than_there_are_threads_are_cut_off_and_health_answers() throws Exception {
        long heapBefore = heapAfterGc();
        List<Socket> senders = new ArrayList<>();
        try {
            for (int i = 0; i < 60; i++) {
                Socket s = new Socket("127.0.0.1", server.port());
                s.setSoTimeout(10_000);
                s.getOutputStream().write(("POST /api/v1/connections HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key
                        + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                senders.add(s);
            }
            long start = System.nanoTime();
            for (int tick = 0; tick < 6; tick++) {
                for (Socket s : senders) {
                    trickle(s);
                }
                HttpResponse<String> health = get("/health/live", null);
                assertThat(health.statusCode()).isEqualTo(200);
                Thread.sleep(400);
            }
            // every slow sender got an answer (408 once its body time ran out, or 503 when no API thread was free) or was closed
            for (Socket s : senders) {
                String head = firstLine(s.getInputStream());
                assertThat(head).satisfiesAnyOf(h -> assertThat(h).isEmpty(), h -> assertThat(h).matches("HTTP/1.1 (408|503|400) .*"));
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(12));
        } finally {
            for (Socket s : senders) {
                s.close();
            }
        }
        assertThat(get("/health/live", null).statusCode()).isEqualTo(200);
        assertThat(heapAfterGc() - heapBefore).isLessThan(32 * MIB);
    }

    @Test
    void hundreds_of_invented_methods_leave_metrics_small_and_the_heap_flat() {
        get("/metrics", null);
        long heapBefore = heapAfterGc();
        int metricsBefore = get("/metrics", null).body().length();

        for (int i = 0; i < 500; i++) {
            String method = randomMethod(6000);
            send(HttpRequest.newBuilder(URI.create(base + "/no/such/route/" + i)).method(method, HttpRequest.BodyPublishers.noBody())
                    .timeout(Duration.ofSeconds(10)).build());
        }

        String metrics = get("/metrics", null).body();
        assertThat(metrics.length() - metricsBefore).isLessThan(16 * 1024);
        assertThat(metrics).doesNotContain("XQ");
        assertThat(heapAfterGc() - heapBefore).isLessThan(32 * MIB);
        assertThat(get("/health/live", null).statusCode()).isEqualTo(200);
    }

    @Test
    void a_two_megabyte_request_with_a_million_bad_elements_answers_a_small_problem() {
        StringBuilder rows = new StringBuilder(2_200_000).append('[');
        for (int i = 0; i < 1_000_000; i++) {
            rows.append(i == 0 ? "1" : ",1");
        }
        rows.append(']');
        String body = "{\"template\":\"customer-environment-runbook\",\"spaceKey\":\"INFRA\",\"title\":\"Huge\",\"inputs\":{\"environment\":\"E\","
                + "\"customer\":\"C\",\"status\":\"LIVE\",\"regions\":" + rows + "}}";
        assertThat(body.length()).isLessThan(5 * 1024 * 1024);

        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/connections/" + connection + "/runbooks"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build());

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body().length()).isLessThan(16 * 1024);
        assertThat(r.body()).contains("\"errorCount\"");
        assertThat(get("/health/live", null).statusCode()).isEqualTo(200);
    }

    @Test
    void a_site_answering_four_hundred_megabytes_is_a_clear_error_and_the_process_stays_healthy() {
        long heapBefore = heapAfterGc();
        long start = System.nanoTime();

        HttpResponse<String> r = get("/api/v1/connections/" + connection + "/spaces", key);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(502);
        assertThat(r.body()).contains("CONFLUENCE_RESPONSE_TOO_LARGE").contains("GET /wiki/api/v2/spaces");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(get("/health/live", null).statusCode()).isEqualTo(200);
        assertThat(heapAfterGc() - heapBefore).isLessThan(32 * MIB);
    }

    /** Streams a JSON space list of 400 MB without a Content-Length, as a broken or hostile site might. */
    private static void fourHundredMegabytes(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        byte[] item = "{\"id\":\"1\",\"key\":\"X\",\"name\":\"x\",\"type\":\"global\",\"status\":\"current\"},".repeat(1000)
                .getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("{\"results\":[".getBytes(StandardCharsets.US_ASCII));
            for (long sent = 0; sent < 400 * MIB; sent += item.length) {
                out.write(item);
            }
            out.write("{}]}".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // the connector hung up once it had read its cap: that is the point
        }
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void trickle(Socket s) {
        try {
            s.getOutputStream().write(' ');
            s.getOutputStream().flush();
        } catch (IOException e) {
            // the server closed it: also fine
        }
    }

    private static String firstLine(InputStream in) {
        StringBuilder line = new StringBuilder();
        try {
            for (int c; (c = in.read()) >= 0 && c != '\r' && c != '\n'; ) {
                line.append((char) c);
            }
        } catch (IOException e) {
            // closed without an answer
        }
        return line.toString();
    }

    private static String randomMethod(int length) {
        StringBuilder m = new StringBuilder(length).append("XQ");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (m.length() < length) {
            m.append((char) ('A' + random.nextInt(26)));
        }
        return m.toString();
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                TimeUnit.MILLISECONDS.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static HttpResponse<String> get(String path, String apiKey) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET();
        if (apiKey != null) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        return send(b.build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
