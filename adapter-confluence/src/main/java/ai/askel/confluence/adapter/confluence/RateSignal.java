package ai.askel.confluence.adapter.confluence;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

/**
 * What one answer says about the site's rate budget: {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining},
 * {@code X-RateLimit-Reset} (an ISO 8601 instant, sometimes without seconds), {@code X-RateLimit-NearLimit} and,
 * on a 429, {@code Retry-After}. Only these enforced headers count: the {@code Beta-*} variants are informational
 * and never slow anything down. Values that cannot be read are left out rather than guessed.
 *
 * @param status     the answer's HTTP status
 * @param limit      the window's budget, when given
 * @param remaining  calls left in the window, when given
 * @param resetIn    time until the window resets (never negative), when given
 * @param nearLimit  Confluence says less than a fifth of the budget is left
 * @param retryAfter on a 429 or 503: how long Confluence asks callers to hold off (not yet clamped)
 */
record RateSignal(int status, OptionalInt limit, OptionalInt remaining, Optional<Duration> resetIn, boolean nearLimit,
                  Optional<Duration> retryAfter) {
    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";
    static final String RESET = "X-RateLimit-Reset";

    /** Reads the signal from an answer's headers ({@code header} answers a header's first value, or null). */
    static RateSignal of(int status, UnaryOperator<String> header, Clock clock) {
        Optional<Duration> retryAfter = status == 429 || status == 503
                ? ConfluenceResponses.retryAfter(header.apply(ConfluenceResponses.RETRY_AFTER), clock) : Optional.empty();
        return new RateSignal(status, count(header.apply(LIMIT)), count(header.apply(REMAINING)),
                ConfluenceMapper.instant(header.apply(RESET)).map(at -> positive(Duration.between(clock.instant(), at))),
                "true".equalsIgnoreCase(strip(header.apply(ConfluenceResponses.NEAR_LIMIT))), retryAfter);
    }

    /** An answer that said nothing about the budget (or none arrived). */
    static RateSignal none(int status) {
        return new RateSignal(status, OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), false, Optional.empty());
    }

    private static OptionalInt count(String value) {
        String v = strip(value);
        if (v == null || v.isEmpty() || v.length() > 10 || !v.chars().allMatch(Character::isDigit)) {
            return OptionalInt.empty();
        }
        long n = Long.parseLong(v);
        return n > Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of((int) n);
    }

    private static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
