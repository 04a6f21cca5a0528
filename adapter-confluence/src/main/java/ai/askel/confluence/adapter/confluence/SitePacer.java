package ai.askel.confluence.adapter.confluence;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * One Confluence site's rate budget, shared by every connection to that site in this process (Confluence counts
 * API-token traffic per site, so two connections of one customer spend one budget). It paces from what Confluence
 * reports rather than from a guessed limit:
 * <ul>
 *   <li>While more than a fifth of the window's budget is left, calls go at once.</li>
 *   <li>Below that (Confluence's own "near limit"), the calls left are spread evenly until the window resets, so the
 *       budget lasts the window instead of running out in a burst that ends in 429s. The calls left are Confluence's
 *       count less this process's calls in flight, which the count cannot include yet.</li>
 *   <li>After a 429 (or a 503 with {@code Retry-After}) nobody calls the site until the pause has passed.</li>
 *   <li>A near-limit flag without counts slows each call by {@code nearLimitDelay} for ten seconds.</li>
 * </ul>
 * Other callers of the site (other instances sharing a database, or another tool of the customer's) are not told
 * anything; they are inferred from the counts. Within a window Confluence's count falls by every caller's calls, and
 * whatever this process did not spend itself was spent by others: {@link OtherCallers} keeps that share. Near the
 * window's end this process then spreads only its share of the calls left, and takes off the count the others' calls
 * in flight as well as its own (as many per call of its own as their share says: callers of one site see about the
 * same latency, so calls in flight follow the rate of calls); between two answers it counts each call of its own as
 * one call plus the others' share, so its view of the calls left does not lag behind theirs. Without that, three
 * instances each spread the whole rest of the budget and overran it with calls the count could not include yet.
 * All times are clamped to
 * {@code maxWait}, so an absurd reset or {@code Retry-After} cannot park callers.
 */
final class SitePacer {
    /** Confluence's own threshold for {@code X-RateLimit-NearLimit}: less than 20 % of the budget left. */
    private static final double NEAR_SHARE = 0.2;
    private static final long NEAR_LIMIT_WINDOW = Duration.ofSeconds(10).toNanos();

    private final long nearLimitDelay;
    private final long maxWait;
    private final LongSupplier ticker;

    // the window as last reported, in this process's nanoTime
    private boolean known;
    private long resetAt;
    private double remaining; // calls left to all callers, less those this process expects meanwhile
    private int limit;
    private boolean near;
    private long nextStart;
    // a 429's pause, and a count-less near-limit flag
    private long pausedUntil;
    private long slowUntil;
    // calls booked by reserve() and not yet settled: sent, or about to be, and not yet answered
    private int inFlight;
    private final OtherCallers others = new OtherCallers();

    SitePacer(Duration nearLimitDelay, Duration maxWait, LongSupplier ticker) {
        this.nearLimitDelay = nearLimitDelay.toNanos();
        this.maxWait = maxWait.toNanos();
        this.ticker = ticker;
        long now = ticker.getAsLong();
        this.pausedUntil = now;
        this.slowUntil = now;
        this.nextStart = now;
    }

    /** Books the next call's start and answers how long the caller must wait for it (zero: go now). */
    synchronized Duration reserve() {
        long now = ticker.getAsLong();
        long start = after(now, pausedUntil);
        if (known && now - resetAt >= 0) {
            known = false; // the window has reset: calls go at once until Confluence reports the new one
        }
        if (known) {
            if (remaining <= 0) {
                start = after(start, resetAt);
            } else if (near || remaining < limit * NEAR_SHARE) {
                start = after(start, nextStart);
                // this process's share of the calls left, spread until the reset
                nextStart = start + (long) (Math.max(0, resetAt - start) * others.allCallers(1) / remaining);
            }
            remaining -= others.allCallers(1); // this call, and the others' calls that come with one of ours
        } else if (now - slowUntil < 0) {
            start = after(start, now + nearLimitDelay);
        }
        inFlight++;
        return Duration.ofNanos(start - now);
    }

    /** Calls booked and not yet settled. */
    synchronized int inFlight() {
        return inFlight;
    }

    /** A call booked by {@link #reserve()} has ended, answered or not (or was never sent). */
    synchronized void settled() {
        if (inFlight > 0) {
            inFlight--;
        }
    }

    /** Learns from an answer: the window's counts, a near-limit flag, a pause asked for by a 429 or 503. */
    synchronized void observe(RateSignal signal) {
        long now = ticker.getAsLong();
        signal.retryAfter().ifPresent(pause -> pausedUntil = after(pausedUntil, now + clamp(pause)));
        if (signal.remaining().isPresent() && signal.resetIn().isPresent()) {
            long reset = now + clamp(signal.resetIn().get());
            boolean sameWindow = known && Math.abs(reset - resetAt) < Duration.ofSeconds(1).toNanos();
            if (signal.status() != 429) {
                others.counted(sameWindow, signal.remaining().getAsInt());
            }
            // Confluence counted when this answer's call reached it: the calls still in flight, this process's other ones
            // and the other callers', are not in the count yet (some may be, which only errs on the side of fewer calls),
            // and near a window's end, where the calls are spread, they are what would otherwise overrun the budget
            double unseen = others.allCallers(Math.max(0, inFlight - 1));
            double reported = signal.status() == 429 ? 0 : Math.max(0, signal.remaining().getAsInt() - unseen);
            // within one window the lower count wins: it includes calls this process started since, and other callers'
            remaining = sameWindow ? Math.min(remaining, reported) : reported;
            resetAt = sameWindow ? resetAt : reset;
            limit = signal.limit().orElse(0);
            near = signal.nearLimit();
            known = reset - now > 0;
            if (!sameWindow) {
                nextStart = now;
            }
        } else if (signal.nearLimit()) {
            slowUntil = now + NEAR_LIMIT_WINDOW;
        }
    }

    private long clamp(Duration d) {
        long nanos = d.isNegative() ? 0 : d.compareTo(Duration.ofNanos(maxWait)) > 0 ? maxWait : d.toNanos();
        return nanos;
    }

    private static long after(long a, long b) {
        return b - a > 0 ? b : a;
    }
}
