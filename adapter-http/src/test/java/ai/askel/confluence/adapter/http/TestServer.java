package ai.askel.confluence.adapter.http;

import ai.askel.confluence.adapter.http.wiring.DaggerTestHttpComponent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The real server, wired by Dagger through {@link HttpAdapterModule}, on a free port of 127.0.0.1,
 * over a {@link FakeConnector}; and a real HTTP/1.1 client to call it.
 */
final class TestServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEST_ID_PREFIX = "test-";

    final FakeConnector fake = new FakeConnector();
    final FakeAdministration admin = new FakeAdministration();
    final HttpApiServer server;
    private final AtomicLong requests = new AtomicLong();
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    TestServer() {
        this(HttpServerSettings.defaults().withPort(0));
    }

    TestServer(HttpServerSettings settings) {
        server = DaggerTestHttpComponent.factory().create(settings, fake, admin).server().start();
    }

    /** A response with its body as text and, when it is JSON, parsed. */
    record Answer(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    /** A request to {@code path} with its own id, so that {@link #send} can tell its answer from another's. */
    HttpRequest.Builder request(String path, String key) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header(RequestIds.HEADER, TEST_ID_PREFIX + requests.incrementAndGet());
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        return builder;
    }

    Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String sent = request.headers().firstValue(RequestIds.HEADER).orElse("");
            // an answer Jetty gives by itself (a 503 while stopping, a 400 for a malformed request line) has no id
            String answered = response.headers().firstValue(RequestIds.HEADER).orElse(sent);
            if (sent.startsWith(TEST_ID_PREFIX) && !sent.equals(answered)) {
                throw new AssertionError("request " + sent + " (" + request.method() + " " + request.uri() + ") got the answer to request "
                        + answered + ": " + response.statusCode() + " " + response.body());
            }
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer get(String path) {
        return get(path, FakeConnector.KEY_A);
    }

    Answer get(String path, String key) {
        return send(request(path, key).GET().build());
    }

    Answer delete(String path) {
        return send(request(path, FakeConnector.KEY_A).DELETE().build());
    }

    Answer post(String path, String json, String... headers) {
        return send(withHeaders(request(path, FakeConnector.KEY_A), headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Answer put(String path, String json) {
        return send(request(path, FakeConnector.KEY_A).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    static HttpRequest.Builder withHeaders(HttpRequest.Builder builder, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    /** Field names of a JSON object, in order. */
    static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Override
    public void close() {
        server.close();
    }
}
