package ai.askel.confluence.domain.error;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The one root of every error the connector reports. It carries a stable {@link ErrorCode}, a
 * human message that names the problem (never a secret), and the Confluence trace id when the
 * failure came from Confluence, so support can find the request on Atlassian's side.
 */
public class ConnectorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String traceId;

    public ConnectorException(ErrorCode code, String message) {
        this(code, message, null, null);
    }

    public ConnectorException(ErrorCode code, String message, String traceId, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.code = Objects.requireNonNull(code, "code");
        this.traceId = traceId;
    }

    public ErrorCode code() {
        return code;
    }

    /** How long the caller should wait before trying again, when the failure is known to pass (busy, rate limited). */
    public Optional<Duration> retryAfter() {
        return Optional.empty();
    }

    /** Confluence's {@code atl-traceid} for the failed call, when there was one. */
    public Optional<String> traceId() {
        return Optional.ofNullable(traceId);
    }
}
