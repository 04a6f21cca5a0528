package ai.askel.confluence.domain.error;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A refusal that passes by itself: a connection's calls are all in flight with a full queue
 * ({@link ErrorCode#CONNECTION_BUSY}), or the server is at its limit ({@link ErrorCode#SERVER_BUSY}).
 * Nothing was sent to Confluence; the caller may try again after {@link #retryAfter()}.
 */
public class RetryLaterException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    public RetryLaterException(ErrorCode code, String message, Duration retryAfter) {
        super(code, message, null, null);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(retryAfter);
    }
}
