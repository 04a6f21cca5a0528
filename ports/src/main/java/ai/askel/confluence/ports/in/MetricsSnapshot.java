package ai.askel.confluence.ports.in;

import java.util.Map;

/**
 * Counters since start: Confluence calls by endpoint and status, retries, rate-limit waits.
 * Keys of {@code confluenceCalls} are {@code endpoint + " " + status}.
 */
public record MetricsSnapshot(Map<String, Long> confluenceCalls, long retries, long rateLimitWaits, long rateLimitWaitMillis) {
    public MetricsSnapshot {
        confluenceCalls = Map.copyOf(confluenceCalls);
    }
}
