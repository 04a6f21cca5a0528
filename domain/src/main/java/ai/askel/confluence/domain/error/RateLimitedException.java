package ai.askel.confluence.domain.error;

import java.time.Duration;
import java.util.Optional;

/** Confluence kept answering 429 (or 503 with Retry-After) after every retry allowed. */
public class RateLimitedException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter, String traceId) {
        super(ErrorCode.RATE_LIMITED, message, traceId, null);
        this.retryAfter = retryAfter;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
