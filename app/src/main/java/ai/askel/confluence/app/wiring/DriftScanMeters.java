package ai.askel.confluence.app.wiring;

import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.DriftScanStatus;
import ai.askel.confluence.ports.out.DriftScanObserver;
import ai.askel.confluence.ports.out.DriftScanStatusPort;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drift scans as meters: {@code askel.drift.scans{outcome}} counts every scan this instance finished, and per connection
 * {@code askel.drift.last.scan.timestamp.seconds} (seconds since the epoch when its last scan finished),
 * {@code askel.drift.last.scan.failed} (1 when that scan did not complete) and {@code askel.drift.open.findings}.
 *
 * <p>The per-connection gauges show the last scan stored in the database, whichever instance of the cluster ran it: a
 * scan finished here sets them at once, and while {@link #startRefreshing() refreshing} (every {@code serve} instance)
 * they are read again from the database every {@link #REFRESH_INTERVAL}, which adds the scans other instances ran and
 * drops the gauges of connections removed through another instance. A connection removed here loses them at once. The
 * outcome label is a closed set; the connection label is one per connection that was scanned.
 */
@Singleton
final class DriftScanMeters implements DriftScanObserver, DriftScanGauges {
    /** How stale another instance's scan (or removal) may be in this instance's gauges. */
    static final Duration REFRESH_INTERVAL = Duration.ofSeconds(30);
    /** How long {@link #stopRefreshing()} waits for a refresh reading the database, before the pool closes. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(DriftScanMeters.class);

    private final MeterRegistry registry;
    private final DriftScanStatusPort scans;
    private final Duration refreshInterval;
    /** Guarded by {@code this}: the gauges of each connection, by id. */
    private final Map<String, LastScan> lastScans = new HashMap<>();
    /**
     * Guarded by {@code this}: for each connection this instance scanned or removed since a refresh began reading, the
     * number of that local change; a refresh leaves such a connection alone, since what it read may be older.
     */
    private final Map<String, Long> changedHere = new HashMap<>();
    private long localChanges;
    private ScheduledExecutorService refresher;

    @Inject
    DriftScanMeters(MeterRegistry registry, DriftScanStatusPort scans) {
        this(registry, scans, REFRESH_INTERVAL);
    }

    DriftScanMeters(MeterRegistry registry, DriftScanStatusPort scans, Duration refreshInterval) {
        this.registry = registry;
        this.scans = scans;
        this.refreshInterval = refreshInterval;
        for (DriftScanStatus.Outcome outcome : DriftScanStatus.Outcome.values()) {
            counter(outcome); // every outcome is exposed from the start, at 0
        }
    }

    @Override
    public void scanFinished(DriftScanStatus status) {
        try {
            counter(status.outcome()).increment();
            synchronized (this) {
                String connection = status.connection().value();
                changedHere.put(connection, ++localChanges);
                lastScans.computeIfAbsent(connection, this::register).set(status);
            }
        } catch (RuntimeException e) {
            // an observer must never fail the scan it is told about; a lost sample is the lesser harm
        }
    }

    @Override
    public void connectionRemoved(ConnectionId connection) {
        try {
            synchronized (this) {
                changedHere.put(connection.value(), ++localChanges);
                unregister(lastScans.remove(connection.value()));
            }
        } catch (RuntimeException e) {
            // as above: never fail the removal it is told about
        }
    }

    /**
     * Sets the gauges to the last scans stored in the database: every connection's, whichever instance scanned it; the
     * gauges of a connection with no stored scan (removed, through any instance) go. A connection scanned or removed
     * here while the database was read keeps what that local change set.
     */
    void refresh() {
        long before;
        synchronized (this) {
            before = localChanges;
        }
        Map<String, DriftScanStatus> stored = scans.listAll().stream()
                .collect(Collectors.toMap(s -> s.connection().value(), Function.identity(), (a, b) -> b));
        synchronized (this) {
            for (Iterator<Map.Entry<String, LastScan>> it = lastScans.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, LastScan> entry = it.next();
                if (!stored.containsKey(entry.getKey()) && !changedSince(entry.getKey(), before)) {
                    unregister(entry.getValue());
                    it.remove();
                }
            }
            stored.forEach((connection, status) -> {
                if (!changedSince(connection, before)) {
                    lastScans.computeIfAbsent(connection, this::register).set(status);
                }
            });
            changedHere.values().removeIf(change -> change <= before);
        }
    }

    @Override
    public synchronized void startRefreshing() {
        if (refresher != null) {
            return;
        }
        refresher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "askel-drift-gauges");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(this::refreshQuietly, 0, refreshInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stopRefreshing() {
        ScheduledExecutorService stopping;
        synchronized (this) {
            stopping = refresher;
            refresher = null;
        }
        if (stopping == null) {
            return;
        }
        // no interrupt: a refresh reading the database finishes (within the pool's own timeouts) before the pool closes
        stopping.shutdown();
        try {
            stopping.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // the database is unreachable or closing: the gauges keep their last values until the next refresh, and
            // readiness reports the database
            LOG.debug("Drift scan gauges not refreshed from the database: {}", e.toString());
        }
    }

    private boolean changedSince(String connection, long before) {
        return changedHere.getOrDefault(connection, 0L) > before;
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

    private void unregister(LastScan last) {
        if (last != null) {
            last.gauges.forEach(registry::remove);
        }
    }

    /** The figures the gauges read; written under the meters' lock, read by scrapes. */
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
