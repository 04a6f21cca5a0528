package ai.askel.confluence.adapter.confluence;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;

/** Feign's HTTP client, run under the connection's limits and reported to the meter. */
final class MeteredClient implements Client {
    private final Client delegate;
    private final ConnectionClient connection;

    MeteredClient(Client delegate, ConnectionClient connection) {
        this.delegate = delegate;
        this.connection = connection;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        return connection.exchange(Routes.of(request), () -> delegate.execute(request, options),
                r -> new ConnectionClient.Outcome(r.status(), ConfluenceErrorDecoder.header(r, ConfluenceResponses.TRACE_ID),
                        "true".equalsIgnoreCase(ConfluenceErrorDecoder.header(r, ConfluenceResponses.NEAR_LIMIT))));
    }
}
