package ai.askel.confluence.app.reliability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A forwarding proxy in front of the sandbox that spoils chosen answers the way networks and
 * gateways do: an answer that arrives after the client gave up (the request WAS processed), a
 * truncated JSON body, or an HTML error page with status 200. Each rule fires once.
 */
final class FaultyProxy implements AutoCloseable {
    enum Spoil { LATE, TRUNCATED, HTML }

    private record Rule(String method, String pathRegex, Spoil spoil, long delayMillis) {
    }

    private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "host", "transfer-encoding", "upgrade",
            "expect", "keep-alive", "http2-settings");

    private final HttpServer server;
    private final String target;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    final AtomicInteger spoiled = new AtomicInteger();

    FaultyProxy(String target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    FaultyProxy once(String method, String pathRegex, Spoil spoil, long delayMillis) {
        rules.add(new Rule(method, pathRegex, spoil, delayMillis));
        return this;
    }

    private Rule take(String method, String path) {
        for (Rule rule : rules) {
            if (rule.method.equals(method) && path.matches(rule.pathRegex) && rules.remove(rule)) {
                return rule;
            }
        }
        return null;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            URI uri = exchange.getRequestURI();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(target + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase())) {
                    values.forEach(v -> forward.header(name, v));
                }
            });
            forward.method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            HttpResponse<byte[]> answer;
            try {
                answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            Rule rule = take(method, uri.getPath());
            int status = answer.statusCode();
            byte[] out = answer.body();
            String contentType = answer.headers().firstValue("Content-Type").orElse("application/json");
            if (rule != null) {
                spoiled.incrementAndGet();
                switch (rule.spoil) {
                    case LATE -> sleep(rule.delayMillis);
                    case TRUNCATED -> out = java.util.Arrays.copyOf(out, Math.max(1, out.length / 2));
                    case HTML -> {
                        status = 200;
                        contentType = "text/html";
                        out = "<html><body><h1>502 Bad Gateway</h1></body></html>".getBytes(StandardCharsets.UTF_8);
                    }
                }
            }
            answer.headers().map().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase()) && !name.equalsIgnoreCase("content-type") && !name.startsWith(":")) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                }
            });
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
