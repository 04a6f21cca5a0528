package ai.askel.confluence.adapter.confluence;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Feign's transport: the JDK {@link HttpClient} through {@link BoundedExchange}, run inside the
 * connection's bulkhead and meter ({@link ConnectionClient#exchange}). Each attempt waits at most
 * {@code requestTimeout} and never past the request's deadline; the answer is read up to the
 * endpoint's cap ({@link Routes#maxResponseBytes}).
 *
 * <p>The headers every request carries (the connection's credentials, {@code Accept: application/json}) are set
 * here rather than as Feign header templates: Feign would parse and expand them as templates on every call.
 */
final class JdkFeignClient implements Client {
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final ConnectionClient connection;
    private final ConfluenceClientSettings settings;

    JdkFeignClient(ConnectionClient connection, ConfluenceClientSettings settings) {
        this.connection = connection;
        this.settings = settings;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        String route = Routes.of(request);
        return connection.exchange(route, deadline -> {
            HttpResponse<byte[]> answer = BoundedExchange.send(connection.http(), toJdk(request), route,
                    Routes.maxResponseBytes(route, settings), settings.requestTimeout(), deadline);
            return toFeign(answer, request);
        }, r -> new ConnectionClient.Outcome(ConfluenceErrorDecoder.header(r, ConfluenceResponses.TRACE_ID),
                RateSignal.of(r.status(), name -> ConfluenceErrorDecoder.header(r, name), Clock.systemUTC())));
    }

    private HttpRequest.Builder toJdk(Request request) {
        byte[] body = request.body();
        HttpRequest.BodyPublisher publisher = body == null || body.length == 0
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url()))
                .method(request.httpMethod().name(), publisher)
                .header("Authorization", connection.authorization())
                .header("Accept", "application/json");
        request.headers().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder;
    }

    private static Response toFeign(HttpResponse<byte[]> answer, Request request) {
        // the JDK's header map is immutable already; Feign makes its own case-insensitive copy
        Map<String, Collection<String>> headers = Collections.unmodifiableMap(answer.headers().map());
        return Response.builder()
                .status(answer.statusCode())
                .reason("")
                .headers(headers)
                .request(request)
                .body(answer.body())
                .build();
    }
}
