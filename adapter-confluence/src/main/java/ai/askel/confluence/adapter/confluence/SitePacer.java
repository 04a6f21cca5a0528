package ai.askel.confluence.adapter.confluence;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * One Confluence site's rate budget, shared by every connection to that site in this process (Confluence counts
 * API-token traffic per site, so two connections of one customer spend one budget). It paces from what Confluence
 * reports rather than from a guessed limit:
 * <ul>
 *   <li>While more than a fifth of the window's budget is left, calls go at once.</li>
 *   <li>Below that (Confluence's own "near limit"), this process's share of the calls left is spread evenly until the
 *       window resets, so the budget lasts the window instead of running out in a burst that ends in 429s.</li>
 *   <li>After a 429 (or a 503 with {@code Retry-After}) nobody calls the site until the pause has passed.</li>
 *   <li>A near-limit flag without counts slows each call by {@code nearLimitDelay} for ten seconds.</li>
 * </ul>
 * The calls left are Confluence's count less the calls in flight, which the count cannot include yet: this process's
 * own and the other callers'. Other callers of the site (other instances sharing a database, another tool of the
 * customer's) are never told anything; {@link OtherCallers} infers from the counts how many calls they make for each
 * of this process's. That share sets this process's part of the calls left, the others' calls in flight (callers of
 * one site see about the same latency, so calls in flight follow the rate of calls), and what each call of its own
 * takes off its view of the count until the next answer says more. Without it, three instances each spread the
 * whole rest of the budget and overran it at the window's end.
 * <p>
 * All times are clamped to {@code maxWait}, so an absurd reset or {@code Retry-After} cannot park callers.
 */
final class SitePacer {
    /** Confluence's own threshold for {@code X-RateLimit-NearLimit}: less than 20 % of the budget left. */
    private static final double NEAR_SHARE = 0.2;
    private static final long NEAR_LIMIT_WINDOW = Duration.ofSeconds(10).toNanos();

    /**
     * A call's turn: how long the caller must wait for it, and whether it was booked (a turn that would come too late
     * for the caller is not booked, so a refused call spends nothing).
     */
    record Turn(Duration delay, boolean booked) {
    }

    private final long nearLimitDelay;
    private final long maxWait;
    private final LongSupplier ticker;
    private final OtherCallers others = new OtherCallers();

    // the window as last reported, in this process's nanoTime
    private boolean known;
    private long resetAt;
    private double remaining; // calls left to all callers of the site
    private int limit;
    private boolean near;
    private long nextStart;
    // a 429's pause, and a count-less near-limit flag
    private long pausedUntil;
    private long slowUntil;
    // calls booked by reserve() and not yet settled: sent, or about to be, and not yet answered
    private int inFlight;

    SitePacer(Duration nearLimitDelay, Duration maxWait, LongSupplier ticker) {
        this.nearLimitDelay = nearLimitDelay.toNanos();
        this.maxWait = maxWait.toNanos();
        this.ticker = ticker;
        long now = ticker.getAsLong();
        this.pausedUntil = now;
        this.slowUntil = now;
        this.nextStart = now;
    }

    /** Books the next call's turn if it comes before {@code within} has passed; a later turn is answered unbooked. */
    synchronized Turn reserve(Duration within) {
        long now = ticker.getAsLong();
        long start = after(now, pausedUntil);
        if (known && now - resetAt >= 0) {
            known = false; // the window has reset: calls go at once until Confluence reports the new one
        }
        double perCall = others.callsPerOwnCall();
        long next = nextStart;
        if (known) {
            if (remaining <= 0) {
                start = after(start, resetAt);
            } else if (near || remaining < limit * NEAR_SHARE) {
                // this process's share of the calls left, spread until the reset
                start = after(start, nextStart);
                next = Math.min(resetAt, start + (long) (Math.max(0, resetAt - start) * perCall / remaining));
            }
        } else if (now - slowUntil < 0) {
            start = after(start, now + nearLimitDelay);
        }
        Duration delay = Duration.ofNanos(start - now);
        if (delay.compareTo(within) >= 0) {
            return new Turn(delay, false);
        }
        if (known) {
            nextStart = next;
            remaining -= perCall; // this call, and the others' calls that come with one of ours
        }
        inFlight++;
        return new Turn(delay, true);
    }

    /** Calls booked and not yet settled. */
    synchronized int inFlight() {
        return inFlight;
    }

    /** A call booked by {@link #reserve} has ended, answered or not (or was never sent). */
    synchronized void settled() {
        if (inFlight > 0) {
            inFlight--;
        }
    }

    /** Learns from an answer: the window's counts, a near-limit flag, a pause asked for by a 429 or 503. */
    synchronized void observe(RateSignal signal) {
        long now = ticker.getAsLong();
        signal.retryAfter().ifPresent(pause -> pausedUntil = after(pausedUntil, now + clamp(pause)));
        // an answer whose window has already reset (a late answer to a call counted in it) says nothing about this one
        if (signal.remaining().isPresent() && signal.resetIn().isPresent() && !signal.resetIn().get().isZero()) {
            long reset = now + clamp(signal.resetIn().get());
            boolean sameWindow = known && Math.abs(reset - resetAt) < Duration.ofSeconds(1).toNanos();
            // this answer's call is still booked; the others in flight may or may not have been counted yet
            int ownUnanswered = Math.max(0, inFlight - 1);
            if (signal.status() != 429) {
                others.counted(sameWindow, signal.remaining().getAsInt(), ownUnanswered);
            }
            // Confluence counted when this answer's call reached it: the calls still in flight, this process's and the
            // others', are not in the count yet (some may be, which only errs on the side of fewer calls), and near a
            // window's end, where the calls are spread, they are what would otherwise overrun the budget
            double unseen = ownUnanswered * others.callsPerOwnCall();
            double reported = signal.status() == 429 ? 0 : Math.max(0, signal.remaining().getAsInt() - unseen);
            // within one window the lower count wins: it includes calls this process started since, and other callers'
            remaining = sameWindow ? Math.min(remaining, reported) : reported;
            resetAt = sameWindow ? resetAt : reset;
            limit = signal.limit().orElse(0);
            near = signal.nearLimit();
            known = true;
            if (!sameWindow) {
                nextStart = now;
            }
        } else if (signal.nearLimit()) {
            slowUntil = now + NEAR_LIMIT_WINDOW;
        }
    }

    private long clamp(Duration d) {
        return d.isNegative() ? 0 : d.compareTo(Duration.ofNanos(maxWait)) > 0 ? maxWait : d.toNanos();
    }

    private static long after(long a, long b) {
        return b - a > 0 ? b : a;
    }
}
