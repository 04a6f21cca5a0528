package ai.askel.confluence.app.wiring;

import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.DriftScanStatus;
import ai.askel.confluence.ports.out.DriftScanObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Drift scans as meters: {@code askel.drift.scans{outcome}} counts every finished scan, and per connection
 * {@code askel.drift.last.scan.timestamp.seconds} (seconds since the epoch when its last scan finished),
 * {@code askel.drift.last.scan.failed} (1 when that scan did not complete) and {@code askel.drift.open.findings}.
 * The outcome label is a closed set; a connection label is one per connection the connector scans (removed with the
 * connection, so a removed connection's last failure does not keep an alert firing).
 */
@Singleton
final class DriftScanMeters implements DriftScanObserver {
    private final MeterRegistry registry;
    private final ConcurrentMap<String, LastScan> lastScans = new ConcurrentHashMap<>();

    @Inject
    DriftScanMeters(MeterRegistry registry) {
        this.registry = registry;
        for (DriftScanStatus.Outcome outcome : DriftScanStatus.Outcome.values()) {
            counter(outcome); // every outcome is exposed from the start, at 0
        }
    }

    @Override
    public void scanFinished(DriftScanStatus status) {
        try {
            counter(status.outcome()).increment();
            lastScans.computeIfAbsent(status.connection().value(), this::register).set(status);
        } catch (RuntimeException e) {
            // an observer must never fail the scan it is told about; a lost sample is the lesser harm
        }
    }

    @Override
    public void connectionRemoved(ConnectionId connection) {
        try {
            LastScan last = lastScans.remove(connection.value());
            if (last != null) {
                last.gauges.forEach(registry::remove);
            }
        } catch (RuntimeException e) {
            // as above: never fail the removal it is told about
        }
    }

    private Counter counter(DriftScanStatus.Outcome outcome) {
        return Counter.builder("askel.drift.scans").description("Drift scans of a connection, by how they ended")
                .tag("outcome", outcome.name()).register(registry);
    }

    private LastScan register(String connection) {
        LastScan last = new LastScan();
        last.gauges.add(Gauge.builder("askel.drift.last.scan.timestamp.seconds", last, s -> s.finishedEpochSeconds)
                .description("When the connection's last drift scan finished (seconds since the epoch)")
                .tag("connection", connection).register(registry));
        last.gauges.add(Gauge.builder("askel.drift.last.scan.failed", last, s -> s.failed)
                .description("1 when the connection's last drift scan did not complete (its findings are older)")
                .tag("connection", connection).register(registry));
        last.gauges.add(Gauge.builder("askel.drift.open.findings", last, s -> s.openFindings)
                .description("Open drift findings of the connection after its last scan")
                .tag("connection", connection).register(registry));
        return last;
    }

    /** The figures the gauges read; written by one scan at a time per connection, read by scrapes. */
    private static final class LastScan {
        private final List<Gauge> gauges = new ArrayList<>(3);
        private volatile double finishedEpochSeconds;
        private volatile double failed;
        private volatile double openFindings;

        void set(DriftScanStatus status) {
            finishedEpochSeconds = status.finishedAt().toEpochMilli() / 1000.0;
            failed = status.outcome() == DriftScanStatus.Outcome.COMPLETED ? 0 : 1;
            openFindings = status.openFindings();
        }
    }
}
