package ai.askel.confluence.ports.in;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The visible prefix of the API key a request is served for, so that audit events say who did what.
 * A driving adapter that authenticated a caller runs the use case inside {@link #during}; the use
 * cases read {@link #prefix()} when they record an event. Use cases run on the caller's thread, so the
 * value is thread-confined; embedded and CLI calls have none.
 */
public final class ActingApiKey {
    private static final ThreadLocal<String> PREFIX = new ThreadLocal<>();

    private ActingApiKey() {
    }

    /** Runs {@code work} on behalf of the key with this prefix. */
    public static <T> T during(String keyPrefix, Supplier<T> work) {
        String outer = PREFIX.get();
        PREFIX.set(keyPrefix);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                PREFIX.remove();
            } else {
                PREFIX.set(outer);
            }
        }
    }

    /** The prefix of the key the current request acts for, if any. */
    public static Optional<String> prefix() {
        return Optional.ofNullable(PREFIX.get());
    }
}
