package ai.askel.confluence.app.wiring;

import ai.askel.confluence.domain.JobKind;
import ai.askel.confluence.ports.out.JobObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This instance's job items as meters, by kind (a closed set): {@code askel.job.items.queued},
 * {@code askel.job.items.running}, {@code askel.job.items.finished{result}} (succeeded, failed, retried,
 * cancelled) and the {@code askel.job.item.duration} of each attempt, with histogram buckets from 50 ms to 60 s.
 */
@Singleton
final class JobMeters implements JobObserver {
    private static final Duration[] BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofSeconds(60)};

    private final Map<JobKind, Meters> byKind = new EnumMap<>(JobKind.class);

    @Inject
    JobMeters(MeterRegistry registry) {
        for (JobKind kind : JobKind.values()) {
            byKind.put(kind, new Meters(registry, kind.name().toLowerCase(Locale.ROOT)));
        }
    }

    @Override
    public void queued(JobKind kind, int items) {
        byKind.get(kind).queued.increment(items);
    }

    @Override
    public void started(JobKind kind) {
        byKind.get(kind).running.incrementAndGet();
    }

    @Override
    public void ended(JobKind kind, Ending ending, Duration took) {
        Meters meters = byKind.get(kind);
        meters.running.decrementAndGet();
        meters.finished.get(ending).increment();
        meters.duration.record(took);
    }

    @Override
    public void cancelled(JobKind kind, int items) {
        byKind.get(kind).cancelled.increment(items);
    }

    private static final class Meters {
        final Counter queued;
        final AtomicLong running = new AtomicLong();
        final Map<Ending, Counter> finished = new EnumMap<>(Ending.class);
        final Counter cancelled;
        final Timer duration;

        Meters(MeterRegistry registry, String kind) {
            queued = Counter.builder("askel.job.items.queued").description("Job items queued by submissions served here")
                    .tag("kind", kind).register(registry);
            Gauge.builder("askel.job.items.running", running, AtomicLong::get).description("Job items running on this instance now")
                    .tag("kind", kind).register(registry);
            for (Ending ending : Ending.values()) {
                finished.put(ending, finishedCounter(registry, kind, ending.name().toLowerCase(Locale.ROOT)));
            }
            cancelled = finishedCounter(registry, kind, "cancelled");
            duration = Timer.builder("askel.job.item.duration").description("How long one attempt of a job item ran")
                    .tag("kind", kind).serviceLevelObjectives(BUCKETS).register(registry);
        }

        private static Counter finishedCounter(MeterRegistry registry, String kind, String result) {
            return Counter.builder("askel.job.items.finished").description("Job item attempts that ended here, by result")
                    .tag("kind", kind).tag("result", result).register(registry);
        }
    }
}
