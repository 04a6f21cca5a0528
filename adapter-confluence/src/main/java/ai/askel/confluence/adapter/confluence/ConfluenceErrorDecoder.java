package ai.askel.confluence.adapter.confluence;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;

/** Turns every non-2xx answer into an {@link HttpFailure}; the retry policy and error mapping take it from there. */
final class ConfluenceErrorDecoder implements ErrorDecoder {
    private static final int MAX_BODY = 64 * 1024;

    private final ObjectMapper mapper;
    private final Clock clock;

    ConfluenceErrorDecoder(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        String body = readBody(response);
        return new HttpFailure(response.status(), Routes.of(response.request()), header(response, ConfluenceResponses.TRACE_ID),
                ConfluenceResponses.retryAfter(header(response, ConfluenceResponses.RETRY_AFTER), clock).orElse(null),
                ConfluenceResponses.reason(mapper, body, response.status()), null);
    }

    static String header(Response response, String name) {
        for (var e : response.headers().entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                Collection<String> values = e.getValue();
                return values.isEmpty() ? null : values.iterator().next();
            }
        }
        return null;
    }

    private static String readBody(Response response) {
        if (response.body() == null) {
            return "";
        }
        try (InputStream in = response.body().asInputStream()) {
            return new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
