package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.JobKind;
import ai.askel.confluence.ports.in.JobMetrics;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/** This instance's job counters per kind (queued, running, finished by result, retried, durations); safe for any number of threads. */
@Singleton
public final class JobMetricsRecorder {
    private static final class Counters {
        final LongAdder queued = new LongAdder();
        final AtomicLong running = new AtomicLong();
        final LongAdder succeeded = new LongAdder();
        final LongAdder failed = new LongAdder();
        final LongAdder cancelled = new LongAdder();
        final LongAdder retried = new LongAdder();
        final AtomicLongArray buckets = new AtomicLongArray(JobMetrics.BUCKET_SECONDS.size());
        final LongAdder count = new LongAdder();
        final LongAdder micros = new LongAdder();
    }

    private final Map<JobKind, Counters> counters = new EnumMap<>(JobKind.class);

    @Inject
    public JobMetricsRecorder() {
        for (JobKind kind : JobKind.values()) {
            counters.put(kind, new Counters());
        }
    }

    void queued(JobKind kind, int items) {
        counters.get(kind).queued.add(items);
    }

    void started(JobKind kind) {
        counters.get(kind).running.incrementAndGet();
    }

    /** An item that started here ended: {@code outcome} is how, {@code took} how long this attempt ran. */
    void ended(JobKind kind, Ending outcome, Duration took) {
        Counters c = counters.get(kind);
        c.running.decrementAndGet();
        switch (outcome) {
            case SUCCEEDED -> c.succeeded.increment();
            case FAILED -> c.failed.increment();
            case RETRIED -> c.retried.increment();
        }
        double seconds = took.toNanos() / 1e9;
        for (int i = 0; i < JobMetrics.BUCKET_SECONDS.size(); i++) {
            if (seconds <= JobMetrics.BUCKET_SECONDS.get(i)) {
                c.buckets.incrementAndGet(i);
            }
        }
        c.count.increment();
        c.micros.add(took.toNanos() / 1000);
    }

    /** Items a cancel on this instance stopped before they started. */
    void cancelled(JobKind kind, int items) {
        counters.get(kind).cancelled.add(items);
    }

    enum Ending { SUCCEEDED, FAILED, RETRIED }

    List<JobMetrics> snapshot() {
        List<JobMetrics> all = new ArrayList<>();
        counters.forEach((kind, c) -> {
            List<Long> buckets = new ArrayList<>();
            for (int i = 0; i < c.buckets.length(); i++) {
                buckets.add(c.buckets.get(i));
            }
            all.add(new JobMetrics(kind, c.queued.sum(), c.running.get(), c.succeeded.sum(), c.failed.sum(), c.cancelled.sum(),
                    c.retried.sum(), buckets, c.count.sum(), c.micros.sum() / 1e6));
        });
        return all;
    }
}
