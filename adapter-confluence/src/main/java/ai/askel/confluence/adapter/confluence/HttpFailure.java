package ai.askel.confluence.adapter.confluence;

import java.time.Duration;
import java.util.Optional;

/**
 * One failed HTTP exchange, before the retry policy decides and the error mapping names it:
 * {@code status} is 0 when no answer came (I/O error, timeout). Never leaves the adapter.
 */
final class HttpFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String route;
    private final String traceId;
    private final transient Duration retryAfter;
    private final String reason;

    HttpFailure(int status, String route, String traceId, Duration retryAfter, String reason, Throwable cause) {
        super(route + " -> " + status + ": " + reason, cause, false, false);
        this.status = status;
        this.route = route;
        this.traceId = traceId;
        this.retryAfter = retryAfter;
        this.reason = reason;
    }

    int status() {
        return status;
    }

    String route() {
        return route;
    }

    /** Confluence's {@code atl-traceid}, or null. */
    String traceId() {
        return traceId;
    }

    /** The {@code Retry-After} Confluence sent, unclamped. */
    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Confluence's own words for the failure (message, error title or text body), never a secret. */
    String reason() {
        return reason;
    }

    boolean noAnswer() {
        return status == 0;
    }
}
