package ai.askel.confluence.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.DriftScanStatus;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.ports.out.DriftScanStatusPort;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DriftScanMetersTest {
    private static final String[] GAUGES = {"askel.drift.last.scan.failed", "askel.drift.last.scan.timestamp.seconds",
            "askel.drift.open.findings"};

    /** The shared table, as every instance of a cluster sees it. */
    private final StoredScans database = new StoredScans();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DriftScanMeters meters = new DriftScanMeters(registry, database);

    @Test
    void a_connections_last_scan_is_a_gauge_until_the_connection_is_removed() {
        ConnectionId kept = ConnectionId.random();
        ConnectionId removed = ConnectionId.random();
        meters.scanFinished(status(kept, DriftScanStatus.Outcome.COMPLETED));
        meters.scanFinished(status(removed, DriftScanStatus.Outcome.FAILED));
        assertThat(gauge("askel.drift.last.scan.failed", removed)).isEqualTo(1);

        meters.connectionRemoved(removed);
        meters.connectionRemoved(ConnectionId.random());

        for (String gauge : GAUGES) {
            assertThat(registry.find(gauge).tag("connection", removed.value()).gauges()).as(gauge).isEmpty();
            assertThat(registry.find(gauge).tag("connection", kept.value()).gauges()).as(gauge).hasSize(1);
        }
    }

    @Test
    void a_scan_another_instance_stored_shows_here_after_a_refresh_and_a_connection_removed_there_loses_its_gauges_here() {
        ConnectionId scannedHere = ConnectionId.random();
        ConnectionId scannedElsewhere = ConnectionId.random();
        database.record(status(scannedHere, DriftScanStatus.Outcome.COMPLETED));
        meters.scanFinished(status(scannedHere, DriftScanStatus.Outcome.COMPLETED));
        DriftScanStatus elsewhere = new DriftScanStatus(scannedElsewhere, Instant.parse("2026-12-05T03:15:00Z"), Duration.ofSeconds(4),
                DriftScanStatus.Outcome.FAILED, Optional.of("503"), 5);
        database.record(elsewhere);

        meters.refresh();

        assertThat(gauge("askel.drift.last.scan.failed", scannedElsewhere)).isEqualTo(1);
        assertThat(gauge("askel.drift.open.findings", scannedElsewhere)).isEqualTo(5);
        assertThat(gauge("askel.drift.last.scan.timestamp.seconds", scannedElsewhere))
                .isEqualTo(elsewhere.finishedAt().getEpochSecond());

        database.remove(scannedHere); // removed through the other instance: this one is never told
        meters.refresh();

        for (String gauge : GAUGES) {
            assertThat(registry.find(gauge).tag("connection", scannedHere.value()).gauges()).as(gauge).isEmpty();
            assertThat(registry.find(gauge).tag("connection", scannedElsewhere.value()).gauges()).as(gauge).hasSize(1);
        }
    }

    @Test
    void a_scan_finished_here_while_a_refresh_reads_the_database_is_not_undone_by_what_it_read() {
        ConnectionId connection = ConnectionId.random();
        database.record(status(connection, DriftScanStatus.Outcome.FAILED));
        meters.refresh();
        DriftScanStatus completed = status(connection, DriftScanStatus.Outcome.COMPLETED);
        database.duringNextRead = () -> meters.scanFinished(completed); // the read returns the older, failed scan

        meters.refresh();

        assertThat(gauge("askel.drift.last.scan.failed", connection)).isZero();
        database.record(completed);
        meters.refresh();
        assertThat(gauge("askel.drift.last.scan.failed", connection)).isZero();
    }

    @Test
    void a_connection_removed_here_while_a_refresh_reads_the_database_does_not_come_back() {
        ConnectionId connection = ConnectionId.random();
        database.record(status(connection, DriftScanStatus.Outcome.COMPLETED));
        meters.refresh();
        database.duringNextRead = () -> { // what the read returns still has it
            database.remove(connection);
            meters.connectionRemoved(connection);
        };

        meters.refresh();

        assertThat(registry.find("askel.drift.open.findings").tag("connection", connection.value()).gauges()).isEmpty();
        meters.refresh();
        assertThat(registry.find("askel.drift.open.findings").tag("connection", connection.value()).gauges()).isEmpty();
    }

    @Test
    void while_refreshing_the_gauges_follow_the_database_until_stopped() throws InterruptedException {
        DriftScanMeters refreshing = new DriftScanMeters(registry, database, Duration.ofMillis(20));
        ConnectionId connection = ConnectionId.random();
        database.record(status(connection, DriftScanStatus.Outcome.FAILED));
        refreshing.startRefreshing();
        try {
            awaitGauge(connection, true);
            database.remove(connection);
            awaitGauge(connection, false);
        } finally {
            refreshing.stopRefreshing();
        }
        database.record(status(connection, DriftScanStatus.Outcome.FAILED));
        Thread.sleep(100);
        assertThat(registry.find("askel.drift.open.findings").tag("connection", connection.value()).gauges()).as("stopped").isEmpty();
    }

    private void awaitGauge(ConnectionId connection, boolean present) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (registry.find("askel.drift.open.findings").tag("connection", connection.value()).gauges().isEmpty() == present) {
            assertThat(System.nanoTime()).as("the gauge is " + (present ? "shown" : "removed") + " in time").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private double gauge(String name, ConnectionId connection) {
        return registry.get(name).tag("connection", connection.value()).gauge().value();
    }

    private static DriftScanStatus status(ConnectionId connection, DriftScanStatus.Outcome outcome) {
        return new DriftScanStatus(connection, Instant.parse("2026-12-05T03:00:00Z"), Duration.ofSeconds(2), outcome,
                outcome == DriftScanStatus.Outcome.COMPLETED ? Optional.empty() : Optional.of("503"), 2);
    }

    /** The drift_scan_status table shared by the instances: a removed connection's row goes with it. */
    private static final class StoredScans implements DriftScanStatusPort {
        private final Map<ConnectionId, DriftScanStatus> rows = new LinkedHashMap<>();
        /** Runs once while the next {@link #listAll()} reads, after it has read: another thread's change in between. */
        volatile Runnable duringNextRead = () -> { };

        @Override
        public synchronized void record(DriftScanStatus status) {
            rows.put(status.connection(), status);
        }

        synchronized void remove(ConnectionId connection) {
            rows.remove(connection);
        }

        @Override
        public synchronized Optional<DriftScanStatus> find(ConnectionId connection) {
            return Optional.ofNullable(rows.get(connection));
        }

        @Override
        public List<DriftScanStatus> list(WorkspaceId workspace) {
            throw new UnsupportedOperationException("the meters read every workspace's scans");
        }

        @Override
        public List<DriftScanStatus> listAll() {
            List<DriftScanStatus> read;
            synchronized (this) {
                read = List.copyOf(rows.values());
            }
            Runnable meanwhile = duringNextRead;
            duringNextRead = () -> { };
            meanwhile.run();
            return read;
        }
    }
}
