package ai.askel.confluence.ports.out;

import java.time.Duration;

/**
 * Told about every call the Confluence adapter makes, for metrics. {@code endpoint} is the route
 * template (for example {@code GET /wiki/api/v2/pages/{id}}), never a URL with ids or query values.
 */
public interface ConfluenceCallObserver {
    ConfluenceCallObserver NONE = new ConfluenceCallObserver() {
    };

    /** A call ended; {@code status} is 0 when no HTTP answer came (I/O error, timeout). */
    default void callCompleted(String endpoint, int status, Duration duration) {
    }

    /** A call will be retried after {@code wait}; {@code rateLimited} when Confluence asked to slow down (429, Retry-After). */
    default void retryScheduled(String endpoint, Duration wait, boolean rateLimited) {
    }
}
