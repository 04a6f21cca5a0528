package ai.askel.confluence.cli.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.cli.ServeProcess;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A forked {@code serve} with a 256 MiB heap whose connection's site answers a space list of 400 MB:
 * the call is a clear {@code CONFLUENCE_RESPONSE_TOO_LARGE}, the process stays healthy, and SIGTERM
 * still stops it promptly.
 */
class ServeAgainstAHostileSiteTest {
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
        try (ServeProcess serve = ServeProcess.builder().dataDirectory(data).jvmOption("-Xmx256m")
                .setting("ASKEL_ALLOWED_SITE_ORIGINS", siteUrl).start()) {
            ServeProcess.Answer registered = serve.post("/api/v1/connections", "{\"name\":\"hostile\",\"siteUrl\":\"" + siteUrl
                    + "\",\"email\":\"ada@example.com\",\"apiToken\":\"ada-token\"}");
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
            String id = registered.body().replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");

            ServeProcess.Answer spaces = serve.get("/api/v1/connections/" + id + "/spaces");
            assertThat(spaces.status()).as(spaces.body()).isEqualTo(502);
            assertThat(spaces.body()).contains("CONFLUENCE_RESPONSE_TOO_LARGE");
            assertThat(serve.get("/health/live").status()).isEqualTo(200);
            assertThat(serve.isAlive()).isTrue();

            serve.sigterm();
            serve.awaitExit(Duration.ofSeconds(20));
        } finally {
            site.stop(0);
        }
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
}
