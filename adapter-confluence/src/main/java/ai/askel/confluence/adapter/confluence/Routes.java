package ai.askel.confluence.adapter.confluence;

import feign.Request;
import feign.RequestLine;

/** Route templates ({@code GET /wiki/api/v2/pages/{id}}) for metrics and logs: never ids or query values. */
final class Routes {
    static final String UPLOAD = "PUT /wiki/rest/api/content/{id}/child/attachment";
    static final String UPLOAD_NEW = "POST /wiki/rest/api/content/{id}/child/attachment";

    /** The endpoints whose answer carries a page's storage body (up to about 5 MB of it). */
    private static final java.util.Set<String> PAGE_BODIES = java.util.Set.of("POST /wiki/api/v2/pages", "GET /wiki/api/v2/pages/{id}",
            "PUT /wiki/api/v2/pages/{id}");

    private Routes() {
    }

    /** How much of an answer to {@code route} is read: the whole cap for page bodies, half of it for lists and small answers. */
    static long maxResponseBytes(String route, ConfluenceClientSettings settings) {
        return PAGE_BODIES.contains(route) ? settings.maxResponseBytes() : settings.maxResponseBytes() / 2;
    }

    static String of(Request request) {
        if (request != null && request.requestTemplate() != null && request.requestTemplate().methodMetadata() != null) {
            RequestLine line = request.requestTemplate().methodMetadata().method().getAnnotation(RequestLine.class);
            if (line != null) {
                String value = line.value();
                int query = value.indexOf('?');
                return query < 0 ? value : value.substring(0, query);
            }
        }
        return request == null ? "UNKNOWN" : request.httpMethod() + " (unrouted)";
    }
}
