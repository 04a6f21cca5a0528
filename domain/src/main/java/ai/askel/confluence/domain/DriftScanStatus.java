package ai.askel.confluence.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How the last drift scan of a connection went: when it ran, how it ended, and (when it did not
 * complete) why, so that a list of findings is never mistaken for a fresh one.
 */
public record DriftScanStatus(ConnectionId connection, Instant startedAt, Duration took, Outcome outcome, Optional<String> problem,
                              int openFindings) {
    /** How a scan ended. */
    public enum Outcome {
        /** Every check ran. */
        COMPLETED,
        /** Confluence rejected the credentials: only they and the token's expiry were checked. */
        CREDENTIALS_REJECTED,
        /** The site could not be reached or failed the scan: findings are as of an earlier scan. */
        FAILED
    }

    public DriftScanStatus {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(took, "took");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(problem, "problem");
        if (took.isNegative() || openFindings < 0) {
            throw new IllegalArgumentException("a scan takes no negative time and has no negative count of findings");
        }
    }

    public Instant finishedAt() {
        return startedAt.plus(took);
    }
}
