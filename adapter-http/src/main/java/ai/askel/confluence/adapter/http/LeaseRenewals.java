package ai.askel.confluence.adapter.http;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews the Idempotency-Key claims of the requests in flight, on one daemon thread for the server:
 * a request renews its claim until it answers, so a claim outlives its lease only while its request
 * really runs, and a request that died with its process frees its key when the lease runs out.
 */
@Singleton
final class LeaseRenewals {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseRenewals.class);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "askel-idempotency-lease");
        t.setDaemon(true);
        return t;
    });

    @Inject
    LeaseRenewals() {
    }

    /** A renewal that runs every {@code interval} until closed. */
    interface Renewal extends AutoCloseable {
        @Override
        void close();
    }

    Renewal every(Duration interval, Runnable renew) {
        long millis = Math.max(1, interval.toMillis());
        ScheduledFuture<?> task = scheduler.scheduleWithFixedDelay(() -> {
            try {
                renew.run();
            } catch (RuntimeException e) {
                // the next renewal tries again; two misses in a row let the lease run out, which only makes the key retryable early
                LOG.warn("renewing an idempotency claim failed: {}", e.getClass().getName());
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
        return () -> task.cancel(false);
    }

    /** Stops renewing everything (at shutdown, after the requests in flight were answered). */
    void close() {
        scheduler.shutdownNow();
    }
}
