package ai.askel.confluence.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * The moment by which one request (an HTTP call, a CLI command, an embedded use-case call) must be
 * answered. Every wait on its behalf (a connection's slot, each Confluence attempt, each retry's
 * pause) draws on this one budget, so retries never outlive the request that caused them. Measured
 * on the monotonic clock, so a wall-clock jump neither extends nor cuts it.
 *
 * @param expiresAtNanos {@link System#nanoTime()} at which the budget is spent
 * @param budget         the whole budget, for messages ("within 30 s")
 */
public record Deadline(long expiresAtNanos, Duration budget) {
    public Deadline {
        Objects.requireNonNull(budget, "budget");
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("a deadline's budget must be positive, was " + budget);
        }
    }

    /** A deadline {@code budget} from now. */
    public static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + Math.min(budget.toNanos(), Long.MAX_VALUE / 4), budget);
    }

    /** What is left of the budget; zero once it is spent, never negative. */
    public Duration remaining() {
        long left = expiresAtNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    public boolean expired() {
        return expiresAtNanos - System.nanoTime() <= 0;
    }

    /** The earlier of this deadline and one {@code budget} from now. */
    public Deadline atMost(Duration other) {
        Deadline candidate = after(other);
        return candidate.expiresAtNanos - expiresAtNanos < 0 ? candidate : this;
    }
}
