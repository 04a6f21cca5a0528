package ai.askel.confluence.cli.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A forked {@code serve} with a 256 MiB heap whose connection's site answers a space list of 400 MB:
 * the call is a clear {@code CONFLUENCE_RESPONSE_TOO_LARGE}, the process stays healthy, and SIGTERM
 * still stops it promptly.
 */
class ServeAgainstAHostileSiteTest {
    private static final String KEY = "ask_hostile1_" + "a".repeat(32);
    private static final Pattern SERVING = Pattern.compile("serving (http://[^ ]+)/api/v1");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path data;

    @Test
    void a_four_hundred_megabyte_answer_is_a_clear_error_and_sigterm_still_stops_serve() throws Exception {
        HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/wiki/rest/api/user/current", exchange -> answer(exchange,
                "{\"type\":\"known\",\"accountId\":\"557058:hostile\",\"accountType\":\"atlassian\",\"email\":\"ada@example.com\","
                        + "\"publicName\":\"Ada\",\"displayName\":\"Ada\"}"));
        site.createContext("/wiki/api/v2/spaces", ServeAgainstAHostileSiteTest::fourHundredMegabytes);
        site.start();
        String siteUrl = "http://127.0.0.1:" + site.getAddress().getPort();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "ai.askel.confluence.cli.Main", "--data-dir", data.toString(), "serve", "--port", "0"))
                .redirectErrorStream(true);
        builder.environment().put("ASKEL_ALLOWED_SITE_ORIGINS", siteUrl);
        builder.environment().put("ASKEL_BOOTSTRAP_API_KEY", KEY);
        Process serve = builder.start();
        try {
            String base = awaitServing(serve);

            HttpResponse<String> registered = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/connections"))
                    .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"hostile\",\"siteUrl\":\"" + siteUrl
                            + "\",\"email\":\"ada@example.com\",\"apiToken\":\"ada-token\"}")));
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            String id = registered.body().replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");

            HttpResponse<String> spaces = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/connections/" + id + "/spaces"))
                    .header("Authorization", "Bearer " + KEY).GET());
            assertThat(spaces.statusCode()).as(spaces.body()).isEqualTo(502);
            assertThat(spaces.body()).contains("CONFLUENCE_RESPONSE_TOO_LARGE");
            assertThat(send(HttpRequest.newBuilder(URI.create(base + "/health/live")).GET()).statusCode()).isEqualTo(200);
            assertThat(serve.isAlive()).isTrue();

            serve.destroy(); // SIGTERM
            assertThat(serve.waitFor(20, TimeUnit.SECONDS)).as("serve stopped after SIGTERM").isTrue();
        } finally {
            serve.destroyForcibly();
            site.stop(0);
        }
    }

    private static String awaitServing(Process serve) throws Exception {
        CompletableFuture<String> base = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    Matcher m = SERVING.matcher(line);
                    if (m.find()) {
                        // keep draining, so the process never blocks on a full pipe
                        CompletableFuture.runAsync(() -> out.lines().forEach(l -> { }));
                        return m.group(1);
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            throw new IllegalStateException("serve ended without serving");
        });
        return base.get(60, TimeUnit.SECONDS);
    }

    private static void fourHundredMegabytes(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        byte[] items = "{\"id\":\"1\",\"key\":\"X\",\"name\":\"x\",\"type\":\"global\",\"status\":\"current\"},".repeat(1000)
                .getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("{\"results\":[".getBytes(StandardCharsets.US_ASCII));
            for (long sent = 0; sent < 400L * 1024 * 1024; sent += items.length) {
                out.write(items);
            }
            out.write("{}]}".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // the connector hung up at its cap
        }
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
