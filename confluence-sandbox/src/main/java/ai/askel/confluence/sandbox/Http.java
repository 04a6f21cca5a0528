package ai.askel.confluence.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Shared HTTP plumbing: JSON in and out, the caller, timestamps and both pagination styles. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ACCOUNT = "sandbox.account";
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Http() {
    }

    /** The authenticated caller, or null for the anonymous user. */
    static Store.Account caller(Context ctx) {
        return ctx.attribute(ACCOUNT);
    }

    static String callerId(Context ctx) {
        Store.Account account = caller(ctx);
        return account == null ? null : account.accountId;
    }

    /**
     * Runs {@code handler} holding the store's lock, so a response is rendered from one consistent state. Handlers are
     * in-memory work of microseconds; uploads (disk I/O) lock only around their store calls.
     */
    static Handler locked(Store store, Handler handler) {
        return ctx -> {
            synchronized (store) {
                handler.handle(ctx);
            }
        };
    }

    static void json(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                out.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return out;
    }

    static JsonNode body(Context ctx, ApiError.Style style) {
        String text = ctx.body();
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw bad(style, "The request body is empty; a JSON body is required");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw bad(style, "The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    static ApiError bad(ApiError.Style style, String message) {
        return style == ApiError.Style.V2 ? ApiError.v2(400, "INVALID_REQUEST_PARAMETER", message)
                : ApiError.v1(400, "com.atlassian.confluence.api.service.exceptions.BadRequestException: " + message);
    }

    static long id(Context ctx, String param, ApiError.Style style) {
        String raw = ctx.pathParam(param);
        try {
            return Long.parseLong(raw.startsWith("att") ? raw.substring(3) : raw);
        } catch (NumberFormatException e) {
            throw bad(style, "'" + param + "' must be a number: " + raw);
        }
    }

    static int limit(Context ctx, int defaultLimit, int max, ApiError.Style style) {
        String raw = ctx.queryParam("limit");
        if (raw == null) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(raw);
            if (limit < 1 || limit > max) {
                throw bad(style, "limit must be between 1 and " + max + ": " + raw);
            }
            return limit;
        } catch (NumberFormatException e) {
            throw bad(style, "limit must be a number: " + raw);
        }
    }

    static String cursor(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("sandbox-offset:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    static int offset(Context ctx, ApiError.Style style) {
        String cursor = ctx.queryParam("cursor");
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith("sandbox-offset:")) {
                int offset = Integer.parseInt(decoded.substring("sandbox-offset:".length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw bad(style, "Invalid cursor: " + cursor);
    }

    /** The request's query string with {@code cursor} replaced, keeping the other parameters in order. */
    static String queryWithCursor(Context ctx, String cursor) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
            if (!e.getKey().equals("cursor")) {
                for (String v : e.getValue()) {
                    parts.add(encode(e.getKey()) + "=" + encode(v));
                }
            }
        }
        parts.add("cursor=" + encode(cursor));
        return String.join("&", parts);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Writes one page of a v2 collection: {@code results}, {@code _links.next} (relative to the site, starting with
     * /wiki) when more exist, {@code _links.base}, and the {@code Link} header.
     */
    static <T> void v2Collection(Context ctx, String site, List<T> all, int defaultLimit,
                                 Function<T, Object> render) {
        int limit = limit(ctx, defaultLimit, 250, ApiError.Style.V2);
        int offset = offset(ctx, ApiError.Style.V2);
        List<Object> results = new ArrayList<>();
        for (int i = offset; i < Math.min(all.size(), offset + limit); i++) {
            results.add(render.apply(all.get(i)));
        }
        Map<String, Object> links = new LinkedHashMap<>();
        String base = site + "/wiki";
        if (offset + limit < all.size()) {
            String next = ctx.path() + "?" + queryWithCursor(ctx, cursor(offset + limit));
            links.put("next", next);
            ctx.header("Link", "<" + next + ">; rel=\"next\", <" + base + ">; rel=\"base\"");
        }
        links.put("base", base);
        json(ctx, 200, map("results", results, "_links", links));
    }
}
