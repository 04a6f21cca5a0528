package ai.askel.confluence.ports.in;

import java.util.List;
import java.util.Map;

/**
 * Counters since start: Confluence calls by endpoint and status, retries, rate-limit waits.
 * {@code jobs}: this instance's job counters per kind. Keys of {@code confluenceCalls} are {@code endpoint + " " + status}.
 */
public record MetricsSnapshot(Map<String, Long> confluenceCalls, long retries, long rateLimitWaits, long rateLimitWaitMillis,
                              List<JobMetrics> jobs) {
    public MetricsSnapshot {
        confluenceCalls = Map.copyOf(confluenceCalls);
        jobs = List.copyOf(jobs);
    }

    public MetricsSnapshot(Map<String, Long> confluenceCalls, long retries, long rateLimitWaits, long rateLimitWaitMillis) {
        this(confluenceCalls, retries, rateLimitWaits, rateLimitWaitMillis, List.of());
    }
}
