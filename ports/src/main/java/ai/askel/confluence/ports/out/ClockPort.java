package ai.askel.confluence.ports.out;

import java.time.Instant;

/** The time, from one place, so tests can set it. */
@FunctionalInterface
public interface ClockPort {
    Instant now();
}
