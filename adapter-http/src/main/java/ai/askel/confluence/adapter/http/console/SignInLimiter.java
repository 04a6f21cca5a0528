package ai.askel.confluence.adapter.http.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sign-in attempts per client address in a sliding minute: beyond the allowance an address is told
 * to wait. Both the number of addresses tracked and the attempts kept per address are bounded.
 */
final class SignInLimiter {
    static final int MAX_ADDRESSES = 10_000;
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final int allowance;
    private final Clock clock;
    private final Map<String, Deque<Instant>> attempts = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    SignInLimiter(int allowance, Clock clock) {
        this.allowance = allowance;
        this.clock = clock;
    }

    /** Counts an attempt; answers how long to wait if the address is over its allowance, else zero. */
    synchronized Duration attempt(String address) {
        Instant now = clock.instant();
        Deque<Instant> seen = attempts.computeIfAbsent(address, a -> new ArrayDeque<>());
        while (!seen.isEmpty() && !seen.peekFirst().isAfter(now.minus(WINDOW))) {
            seen.pollFirst();
        }
        if (seen.size() >= allowance) {
            Duration wait = Duration.between(now, seen.peekFirst().plus(WINDOW));
            return wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait;
        }
        seen.addLast(now);
        return Duration.ZERO;
    }
}
