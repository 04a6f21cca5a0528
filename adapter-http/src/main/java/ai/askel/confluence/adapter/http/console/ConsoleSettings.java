package ai.askel.confluence.adapter.http.console;

import java.time.Duration;
import java.util.Objects;

/**
 * The onboarding console: whether {@code /console} is served, how long a signed-in session lives
 * when idle and at most, and how many sign-in attempts one client address may make per minute.
 */
public record ConsoleSettings(boolean enabled, Duration idleTimeout, Duration absoluteTimeout, int signInAttemptsPerMinute) {
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(30);
    public static final Duration DEFAULT_ABSOLUTE_TIMEOUT = Duration.ofHours(8);
    public static final int DEFAULT_SIGN_IN_ATTEMPTS_PER_MINUTE = 10;

    public ConsoleSettings {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(absoluteTimeout, "absoluteTimeout");
        if (idleTimeout.toMillis() < 1000) {
            throw new IllegalArgumentException("the console's idle timeout must be at least one second");
        }
        if (absoluteTimeout.compareTo(idleTimeout) < 0) {
            throw new IllegalArgumentException("the console's absolute session timeout must not be shorter than its idle timeout");
        }
        if (signInAttemptsPerMinute < 1) {
            throw new IllegalArgumentException("signInAttemptsPerMinute must be positive");
        }
    }

    /** Served, 30 minutes idle, 8 hours at most, 10 sign-in attempts per minute and address. */
    public static ConsoleSettings defaults() {
        return new ConsoleSettings(true, DEFAULT_IDLE_TIMEOUT, DEFAULT_ABSOLUTE_TIMEOUT, DEFAULT_SIGN_IN_ATTEMPTS_PER_MINUTE);
    }

    public ConsoleSettings withEnabled(boolean on) {
        return new ConsoleSettings(on, idleTimeout, absoluteTimeout, signInAttemptsPerMinute);
    }

    public ConsoleSettings withTimeouts(Duration idle, Duration absolute) {
        return new ConsoleSettings(enabled, idle, absolute, signInAttemptsPerMinute);
    }

    public ConsoleSettings withSignInAttemptsPerMinute(int attempts) {
        return new ConsoleSettings(enabled, idleTimeout, absoluteTimeout, attempts);
    }
}
