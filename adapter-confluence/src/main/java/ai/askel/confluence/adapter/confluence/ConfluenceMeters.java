package ai.askel.confluence.adapter.confluence;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The adapter's meters, per connection: calls in flight and waiting for a slot, refusals, deadline
 * expiries, retries, and a latency histogram of Confluence calls by endpoint and outcome. Every label
 * comes from a closed set: connection ids (one per connection in use: a connection's meters are removed when its
 * client has gone unused for ten minutes, and its counters then start again at zero, which Prometheus's {@code rate}
 * reads as a reset), route templates (the adapter's own endpoints) and status classes.
 */
final class ConfluenceMeters {
    /** Latency buckets: from a fast read to the longest a request may wait. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
        Duration.ofSeconds(30), Duration.ofSeconds(60)};

    private final MeterRegistry registry;

    ConfluenceMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    PerConnection register(String connection, Bulkhead bulkhead) {
        Gauge inFlight = Gauge.builder("askel.confluence.calls.in.flight", bulkhead, Bulkhead::inFlight).strongReference(true)
                .description("Confluence calls in flight on this connection").tag("connection", connection).register(registry);
        Gauge waiting = Gauge.builder("askel.confluence.calls.waiting", bulkhead, Bulkhead::waiting).strongReference(true)
                .description("Calls waiting for a free slot on this connection").tag("connection", connection).register(registry);
        return new PerConnection(connection, List.of(inFlight, waiting),
                Counter.builder("askel.confluence.rejections").description("Calls refused with CONNECTION_BUSY (no slot, queue full)")
                        .tag("connection", connection).register(registry),
                Counter.builder("askel.confluence.deadline.expiries").description("Calls given up because the request's deadline passed")
                        .tag("connection", connection).register(registry));
    }

    /** Removes every meter of one connection from the registry. */
    void remove(PerConnection meters) {
        meters.gauges.forEach(registry::remove);
        registry.remove(meters.rejections);
        registry.remove(meters.deadlineExpiries);
        meters.timers.values().forEach(registry::remove);
    }

    /** One connection's meters. */
    final class PerConnection {
        private final String connection;
        private final List<Gauge> gauges;
        private final Counter rejections;
        private final Counter deadlineExpiries;
        /** The timers by endpoint and outcome, both from closed sets; kept so a call does not rebuild its meter's id. */
        private final Map<String, Timer> timers = new ConcurrentHashMap<>();

        private PerConnection(String connection, List<Gauge> gauges, Counter rejections, Counter deadlineExpiries) {
            this.connection = connection;
            this.gauges = gauges;
            this.rejections = rejections;
            this.deadlineExpiries = deadlineExpiries;
        }

        void rejected() {
            rejections.increment();
        }

        void deadlineExpired() {
            deadlineExpiries.increment();
        }

        /** One exchange with Confluence; {@code status} 0 when no answer came. */
        void call(String route, int status, Duration took) {
            String outcome = outcome(status);
            timers.computeIfAbsent(route + ' ' + outcome, key -> Timer.builder("askel.confluence.call.duration")
                    .description("Confluence calls, by endpoint and outcome").tag("connection", connection).tag("endpoint", route)
                    .tag("outcome", outcome).serviceLevelObjectives(BUCKETS).register(registry)).record(took);
        }
    }

    /** A retry scheduled after a failed call to {@code route}; {@code rateLimited} when Confluence asked to slow down. */
    void retried(String route, boolean rateLimited) {
        Counter.builder("askel.confluence.retries").description("Confluence calls retried, by endpoint and cause")
                .tag("endpoint", route).tag("cause", rateLimited ? "rate_limited" : "failure").register(registry).increment();
    }

    static String outcome(int status) {
        return status <= 0 ? "no_answer" : status / 100 + "xx";
    }
}
