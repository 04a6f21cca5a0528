package ai.askel.confluence.adapter.http;

import io.javalin.http.Context;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.MDC;

/**
 * Every answer the API gives (not those Jetty gives by itself) names its request in {@value #HEADER}: the caller's own
 * id when it sent a well-formed one (so a caller or a proxy in front can match each answer to what it sent, and find it
 * in the connector's log), a new random one otherwise. While the request is served, up to and including its access log
 * line, the id is in the logging context under {@value #LOG_KEY}, which the shipped log formats print with every line.
 */
final class RequestIds {
    static final String HEADER = "X-Request-Id";
    static final String LOG_KEY = "requestId";
    /**
     * Letters, digits and {@code . : -}: nothing that could break a header or a log line, and no underscore, so that
     * one of the connector's API keys ({@code ask_..._...}) sent here by mistake is never echoed or logged.
     */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9.:-]{1,64}");
    private static final HexFormat HEX = HexFormat.of();

    private RequestIds() {
    }

    /** Gives the request its id, on the answer and in the logging context. */
    static void assign(Context ctx) {
        String sent = ctx.header(HEADER);
        String id = sent != null && WELL_FORMED.matcher(sent).matches() ? sent : newId();
        ctx.header(HEADER, id);
        MDC.put(LOG_KEY, id);
    }

    /**
     * A handler around the application's that takes the request id off the thread once a request is done, whichever
     * way it ended: Javalin skips its request loggers when writing the answer fails (the caller went away), so nothing
     * there can be relied on to run.
     */
    static Handler.Wrapper forgottenAfterEachRequest() {
        return new Handler.Wrapper() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                try {
                    return super.handle(request, response, callback);
                } finally {
                    MDC.remove(LOG_KEY);
                }
            }
        };
    }

    /** 128 random bits: unique enough to find one request in any log; not a secret, so not from a secure source. */
    private static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
    }
}
