package ai.askel.confluence.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A burst budget per user and fixed window, as Confluence applies to API-token traffic: past the budget a request
 * answers 429 with {@code Retry-After} (seconds until the window resets); every limited response carries
 * {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining}, {@code X-RateLimit-Reset} (ISO 8601) and
 * {@code X-RateLimit-NearLimit: true} when less than 20% of the budget is left. Off until a budget is set. The
 * budget is each user's ({@link #budget}) or, as Confluence's tenant-based quota, one for the whole site that every
 * user's calls draw on ({@link #siteBudget}).
 */
public final class RateLimits {

    /** The outcome for one request. */
    record Decision(boolean allowed, int limit, int remaining, Instant reset, long retryAfterSeconds) {
        boolean nearLimit() {
            return remaining < limit * 0.2;
        }
    }

    private static final class Window {
        Instant start;
        int used;
    }

    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private volatile int budget;
    private volatile Duration window = Duration.ofMinutes(1);
    private volatile boolean perSite;

    RateLimits(Clock clock) {
        this.clock = clock;
    }

    /** Allows {@code requests} per user per {@code window}; the counts start afresh. */
    public RateLimits budget(int requests, Duration window) {
        if (requests < 1 || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("budget needs requests >= 1 and a positive window");
        }
        this.window = window;
        this.budget = requests;
        this.perSite = false;
        windows.clear();
        return this;
    }

    /** Allows {@code requests} per {@code window} to all users of the site together; the counts start afresh. */
    public RateLimits siteBudget(int requests, Duration window) {
        budget(requests, window);
        this.perSite = true;
        return this;
    }

    /** Turns rate limiting off. */
    public RateLimits disable() {
        budget = 0;
        windows.clear();
        return this;
    }

    public boolean enabled() {
        return budget > 0;
    }

    /** The current settings, for the admin API. */
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("enabled", enabled());
        out.put("requests", budget);
        out.put("windowSeconds", window.toSeconds());
        out.put("scope", perSite ? "site" : "user");
        return out;
    }

    /** Counts one request of {@code user} (an account id, or a client address for anonymous callers) against its budget. */
    Decision check(String user) {
        int limit = budget;
        Instant now = clock.instant();
        Window w = windows.computeIfAbsent(perSite ? "" : user, k -> new Window());
        synchronized (w) {
            if (w.start == null || !now.isBefore(w.start.plus(window))) {
                w.start = now;
                w.used = 0;
            }
            Instant reset = w.start.plus(window);
            long retryAfter = Math.max(1, (Duration.between(now, reset).toMillis() + 999) / 1000);
            if (w.used >= limit) {
                return new Decision(false, limit, 0, reset, retryAfter);
            }
            w.used++;
            return new Decision(true, limit, limit - w.used, reset, retryAfter);
        }
    }
}
