package ai.askel.confluence.adapter.http;

import ai.askel.confluence.domain.Deadline;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.error.RetryLaterException;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What keeps one slow tenant or one slow sender from taking the server: API requests are admitted
 * only while fewer than {@link HttpServerSettings#apiConcurrency()} are in progress (the rest of
 * Jetty's threads stay free for health, metrics and quick refusals; past the limit the answer is
 * {@code SERVER_BUSY} at once); a request body must arrive whole within its time, not merely keep
 * trickling (the connection is closed when it does not); and every admitted request gets one
 * {@link Deadline} for its work.
 */
@Singleton
final class RequestBounds {
    private static final Logger LOG = LoggerFactory.getLogger(RequestBounds.class);

    private final HttpServerSettings settings;
    private final Semaphore admission;
    private final ScheduledExecutorService watchdog;

    @Inject
    RequestBounds(HttpServerSettings settings, MeterRegistry registry) {
        this.settings = settings;
        this.admission = new Semaphore(settings.apiConcurrency());
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "askel-http-body-watchdog");
            t.setDaemon(true);
            return t;
        });
        Gauge.builder("askel.http.api.requests.in.progress", admission, s -> settings.apiConcurrency() - s.availablePermits())
                .description("API requests being served (at most the threads not held in reserve)").register(registry);
    }

    /** Admits one API request, or refuses it at once; close the admission when the request is done. */
    AutoCloseable admit() {
        if (!admission.tryAcquire()) {
            throw new RetryLaterException(ErrorCode.SERVER_BUSY, "the connector is serving " + settings.apiConcurrency()
                    + " API requests at once, its limit; retry after 1 s", Duration.ofSeconds(1));
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                admission.release();
            }
        };
    }

    /** The deadline of a request's work: the configured one, plus time for an upload's size. */
    Deadline deadline(long contentLength) {
        return Deadline.after(settings.requestDeadline().plusSeconds(Math.max(0, contentLength) / HttpServerSettings.MIN_UPLOAD_BYTES_PER_SECOND));
    }

    /** How long a body of this length may take to arrive whole. */
    Duration bodyTime(long contentLength) {
        return settings.bodyReadTimeout().plusSeconds(Math.max(0, contentLength) / HttpServerSettings.MIN_UPLOAD_BYTES_PER_SECOND);
    }

    /**
     * Reads the body with {@code read}; if that has not finished within {@code budget} the connection
     * is closed, which ends the blocked read, and the request is refused with 408.
     */
    <T> T readWithin(Context ctx, Duration budget, Supplier<T> read) {
        AtomicBoolean cutOff = new AtomicBoolean();
        Map<String, String> requestContext = MDC.getCopyOfContextMap(); // its line names the request (its id)
        ScheduledFuture<?> timer = watchdog.schedule(() -> {
            cutOff.set(true);
            MDC.setContextMap(requestContext == null ? Map.of() : requestContext);
            try {
                LOG.info("closing a connection whose request body did not arrive within {} ms", budget.toMillis());
            } finally {
                MDC.clear();
            }
            close(ctx);
        }, budget.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return read.get();
        } catch (RuntimeException e) {
            if (cutOff.get()) {
                throw HttpProblemException.bodyTooSlow(budget);
            }
            throw e;
        } finally {
            timer.cancel(false);
        }
    }

    private static void close(Context ctx) {
        try {
            ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
            if (request != null) {
                request.getConnectionMetaData().getConnection().getEndPoint().close();
            }
        } catch (RuntimeException e) {
            LOG.warn("could not close a slow connection: {}", e.getClass().getName());
        }
    }
}
