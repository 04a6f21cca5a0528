package ai.askel.confluence.app.usecase;

import ai.askel.confluence.ports.in.MetricsSnapshot;
import ai.askel.confluence.ports.in.ReadMetricsUseCase;
import ai.askel.confluence.ports.out.ConfluenceCallObserver;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts Confluence calls (by route template and status), retries and rate-limit waits, as the
 * adapter reports them, beside the job counters of {@link JobMetricsRecorder}; safe for any number of calling threads. One instance is both the observer
 * the adapter calls and the source of {@code /metrics}.
 */
@Singleton
public final class ConnectorMetricsService implements ReadMetricsUseCase, ConfluenceCallObserver {
    private final ConcurrentHashMap<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final LongAdder retries = new LongAdder();
    private final LongAdder rateLimitWaits = new LongAdder();
    private final LongAdder rateLimitWaitMillis = new LongAdder();

    private final JobMetricsRecorder jobs;

    @Inject
    public ConnectorMetricsService(JobMetricsRecorder jobs) {
        this.jobs = jobs;
    }

    @Override
    public void callCompleted(String endpoint, int status, Duration duration) {
        calls.computeIfAbsent(endpoint + " " + status, k -> new LongAdder()).increment();
    }

    @Override
    public void retryScheduled(String endpoint, Duration wait, boolean rateLimited) {
        retries.increment();
        if (rateLimited) {
            rateLimitWaits.increment();
            rateLimitWaitMillis.add(Math.max(0, wait.toMillis()));
        }
    }

    @Override
    public MetricsSnapshot snapshot() {
        Map<String, Long> counts = new TreeMap<>();
        calls.forEach((key, adder) -> counts.put(key, adder.sum()));
        return new MetricsSnapshot(counts, retries.sum(), rateLimitWaits.sum(), rateLimitWaitMillis.sum(), jobs.snapshot());
    }
}
