package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.DriftScanStatus;
import java.util.Map;

/**
 * Counters since start: Confluence calls by endpoint and status, retries, rate-limit waits, drift scans by
 * outcome, and each connection's last drift scan (by connection id). Keys of {@code confluenceCalls} are
 * {@code endpoint + " " + status}; keys of {@code driftScans} are {@link DriftScanStatus.Outcome} names.
 */
public record MetricsSnapshot(Map<String, Long> confluenceCalls, long retries, long rateLimitWaits, long rateLimitWaitMillis,
                              Map<String, Long> driftScans, Map<String, DriftScanStatus> lastDriftScans) {
    public MetricsSnapshot {
        confluenceCalls = Map.copyOf(confluenceCalls);
        driftScans = Map.copyOf(driftScans);
        lastDriftScans = Map.copyOf(lastDriftScans);
    }

    /** A snapshot without drift scans. */
    public MetricsSnapshot(Map<String, Long> confluenceCalls, long retries, long rateLimitWaits, long rateLimitWaitMillis) {
        this(confluenceCalls, retries, rateLimitWaits, rateLimitWaitMillis, Map.of(), Map.of());
    }
}
