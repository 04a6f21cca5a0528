package ai.askel.confluence.adapter.confluence;

import feign.Request;
import feign.RequestLine;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

/** Route templates ({@code GET /wiki/api/v2/pages/{id}}) for metrics and logs: never ids or query values. */
final class Routes {
    static final String UPLOAD = "PUT /wiki/rest/api/content/{id}/child/attachment";
    static final String UPLOAD_NEW = "POST /wiki/rest/api/content/{id}/child/attachment";

    /** The endpoints whose answer carries a page's storage body (up to about 5 MB of it). */
    private static final java.util.Set<String> PAGE_BODIES = java.util.Set.of("POST /wiki/api/v2/pages", "GET /wiki/api/v2/pages/{id}",
            "PUT /wiki/api/v2/pages/{id}");
    /** The route of each API method, read from its request line once rather than by reflection on every call. */
    private static final Map<Method, String> BY_METHOD = routesOf(ConfluenceApi.class);

    private Routes() {
    }

    /** How much of an answer to {@code route} is read: the whole cap for page bodies, half of it for lists and small answers. */
    static long maxResponseBytes(String route, ConfluenceClientSettings settings) {
        return PAGE_BODIES.contains(route) ? settings.maxResponseBytes() : settings.maxResponseBytes() / 2;
    }

    static String of(Request request) {
        if (request != null && request.requestTemplate() != null && request.requestTemplate().methodMetadata() != null) {
            String route = BY_METHOD.get(request.requestTemplate().methodMetadata().method());
            if (route != null) {
                return route;
            }
        }
        return request == null ? "UNKNOWN" : request.httpMethod() + " (unrouted)";
    }

    private static Map<Method, String> routesOf(Class<?> api) {
        Map<Method, String> routes = new HashMap<>();
        for (Method method : api.getDeclaredMethods()) {
            RequestLine line = method.getAnnotation(RequestLine.class);
            if (line != null) {
                String value = line.value();
                int query = value.indexOf('?');
                routes.put(method, query < 0 ? value : value.substring(0, query));
            }
        }
        return Map.copyOf(routes);
    }
}
