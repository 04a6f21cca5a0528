package ai.askel.confluence.adapter.confluence;

import ai.askel.confluence.domain.Deadline;
import ai.askel.confluence.domain.error.ConfluenceUnavailableException;
import ai.askel.confluence.domain.error.DeadlineExceededException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.error.RetryLaterException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One connection's share of Confluence: at most {@code slots} calls in flight, at most
 * {@code maxWaiters} callers waiting for a slot, each for at most {@code slotWait} (and never past its
 * request's deadline). Whoever finds it full is refused at once with {@code CONNECTION_BUSY}, so a slow
 * site can hold at most {@code slots + maxWaiters} of the server's threads, never all of them.
 * Kept per connection id, across credential changes, so the limit holds while an old client drains.
 */
final class Bulkhead {
    private final String connection;
    private final int slots;
    private final Semaphore permits;
    private final AtomicInteger waiting = new AtomicInteger();
    private final int maxWaiters;
    private final Duration slotWait;
    private final ConfluenceMeters.PerConnection meters;

    Bulkhead(String connection, int slots, int maxWaiters, Duration slotWait, ConfluenceMeters meters) {
        this.connection = connection;
        this.slots = slots;
        this.permits = new Semaphore(slots, true);
        this.maxWaiters = maxWaiters;
        this.slotWait = slotWait;
        this.meters = meters.register(connection, this);
    }

    /** Takes a slot, waiting as long as allowed; the caller must {@link #release()} it. */
    void acquire(String route, Deadline deadline) {
        if (permits.tryAcquire()) {
            return;
        }
        if (waiting.incrementAndGet() > maxWaiters) {
            waiting.decrementAndGet();
            throw busy(route, "its queue of " + maxWaiters + " waiting calls is full");
        }
        try {
            Duration left = deadline.remaining();
            boolean deadlineFirst = left.compareTo(slotWait) < 0;
            if (permits.tryAcquire((deadlineFirst ? left : slotWait).toNanos(), TimeUnit.NANOSECONDS)) {
                return;
            }
            if (deadlineFirst) {
                meters.deadlineExpired();
                throw new DeadlineExceededException("the request's deadline of " + seconds(deadline.budget())
                        + " passed while waiting for a free slot on this connection (" + route + ")", null);
            }
            throw busy(route, "no slot came free within " + slotWait.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfluenceUnavailableException("interrupted while waiting to call Confluence (" + route + ")", null, e);
        } finally {
            waiting.decrementAndGet();
        }
    }

    void release() {
        permits.release();
    }

    int inFlight() {
        return slots - permits.availablePermits();
    }

    int waiting() {
        return Math.max(0, waiting.get());
    }

    ConfluenceMeters.PerConnection meters() {
        return meters;
    }

    private RetryLaterException busy(String route, String why) {
        meters.rejected();
        Duration retryAfter = Duration.ofSeconds(Math.max(1, (slotWait.toMillis() + 999) / 1000));
        return new RetryLaterException(ErrorCode.CONNECTION_BUSY, "connection " + connection + " has " + slots
                + " Confluence calls in flight and " + why + " (" + route + "); retry after " + retryAfter.toSeconds() + " s", retryAfter);
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
