package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.Deadline;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The deadline of the request being served. A driving adapter (the HTTP pipeline, the embedding
 * facade, the CLI) runs the use case inside {@link #during}; use cases pass it on implicitly, and the
 * outbound adapters read {@link #current()} to bound every wait they make on the request's behalf.
 * Use cases run on the caller's thread, so the value is thread-confined. An inner {@code during}
 * never extends an outer deadline: the earlier one holds.
 */
public final class RequestDeadline {
    private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

    private RequestDeadline() {
    }

    /** Runs {@code work} under {@code deadline} (or the enclosing one, if that ends first). */
    public static <T> T during(Deadline deadline, Supplier<T> work) {
        Deadline outer = CURRENT.get();
        CURRENT.set(outer != null && outer.expiresAtNanos() - deadline.expiresAtNanos() < 0 ? outer : deadline);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** The deadline of the request this thread serves, if it has one. */
    public static Optional<Deadline> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
