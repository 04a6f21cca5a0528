package ai.askel.confluence.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.DriftScanStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DriftScanMetersTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DriftScanMeters meters = new DriftScanMeters(registry);

    @Test
    void a_connections_last_scan_is_a_gauge_until_the_connection_is_removed() {
        ConnectionId kept = ConnectionId.random();
        ConnectionId removed = ConnectionId.random();
        meters.scanFinished(status(kept, DriftScanStatus.Outcome.COMPLETED));
        meters.scanFinished(status(removed, DriftScanStatus.Outcome.FAILED));
        assertThat(registry.get("askel.drift.last.scan.failed").tag("connection", removed.value()).gauge().value()).isEqualTo(1);

        meters.connectionRemoved(removed);
        meters.connectionRemoved(ConnectionId.random());

        for (String gauge : new String[] {"askel.drift.last.scan.failed", "askel.drift.last.scan.timestamp.seconds", "askel.drift.open.findings"}) {
            assertThat(registry.find(gauge).tag("connection", removed.value()).gauges()).as(gauge).isEmpty();
            assertThat(registry.find(gauge).tag("connection", kept.value()).gauges()).as(gauge).hasSize(1);
        }
    }

    private static DriftScanStatus status(ConnectionId connection, DriftScanStatus.Outcome outcome) {
        return new DriftScanStatus(connection, Instant.parse("2026-12-05T03:00:00Z"), Duration.ofSeconds(2), outcome,
                outcome == DriftScanStatus.Outcome.COMPLETED ? Optional.empty() : Optional.of("503"), 2);
    }
}
