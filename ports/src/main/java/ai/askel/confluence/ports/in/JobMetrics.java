package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.JobKind;
import java.util.List;
import java.util.Objects;

/**
 * This instance's counters for one kind of job since start: items queued (by submissions served
 * here), items running now, items finished by result, retries, and a histogram of item durations.
 *
 * @param durationBuckets cumulative counts per upper bound of {@link #BUCKET_SECONDS}
 */
public record JobMetrics(JobKind kind, long queued, long running, long succeeded, long failed, long cancelled, long retried,
                         List<Long> durationBuckets, long durationCount, double durationSeconds) {
    /** Upper bounds (seconds) of the duration histogram; the implicit last bucket is +Inf. */
    public static final List<Double> BUCKET_SECONDS = List.of(0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0);

    public JobMetrics {
        Objects.requireNonNull(kind, "kind");
        durationBuckets = List.copyOf(durationBuckets);
        if (durationBuckets.size() != BUCKET_SECONDS.size()) {
            throw new IllegalArgumentException("one count per bucket");
        }
    }
}
