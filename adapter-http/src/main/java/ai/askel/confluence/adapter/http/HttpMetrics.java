package ai.askel.confluence.adapter.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.inject.Inject;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Times the HTTP requests this adapter served, by method, route template and status, in the
 * connector's {@link MeterRegistry}; {@code /metrics} is the Prometheus registry's scrape. Every label
 * comes from a closed set, whatever a client sends: a method outside the standard ones is
 * {@code OTHER}, a path no route matches is {@code unmatched}, a status is one of 100..599.
 */
@Singleton
final class HttpMetrics {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    static final String UNMATCHED = "unmatched";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");

    private final MeterRegistry registry;
    private final PrometheusMeterRegistry prometheus;

    @Inject
    HttpMetrics(MeterRegistry registry, PrometheusMeterRegistry prometheus) {
        this.registry = registry;
        this.prometheus = prometheus;
    }

    /** {@code route} must be a declared route template or {@link #UNMATCHED}. */
    void record(String method, String route, int status, double durationMillis) {
        Timer.builder("askel.http.requests").description("HTTP requests served, by method, route template and status")
                .tag("method", method(method)).tag("route", route).tag("status", status < 100 || status > 599 ? "other" : Integer.toString(status))
                .register(registry).record(Duration.ofNanos(Math.round(durationMillis * 1_000_000)));
    }

    /** The server's threads: how many exist and how many are busy (serving a request right now). */
    void threads(QueuedThreadPool pool) {
        io.micrometer.core.instrument.Gauge.builder("askel.http.threads.busy", pool, QueuedThreadPool::getBusyThreads)
                .description("HTTP server threads serving a request").register(registry);
        io.micrometer.core.instrument.Gauge.builder("askel.http.threads", pool, QueuedThreadPool::getThreads)
                .description("HTTP server threads in the pool").register(registry);
    }

    long count(String method, String route, int status) {
        Timer timer = registry.find("askel.http.requests").tag("method", method).tag("route", route).tag("status", Integer.toString(status)).timer();
        return timer == null ? 0 : timer.count();
    }

    /** Everything in the registry, in the Prometheus text format. */
    String exposition() {
        return prometheus.scrape();
    }

    static String method(String raw) {
        String upper = raw == null ? "" : raw.toUpperCase(Locale.ROOT);
        return METHODS.contains(upper) ? upper : "OTHER";
    }
}
