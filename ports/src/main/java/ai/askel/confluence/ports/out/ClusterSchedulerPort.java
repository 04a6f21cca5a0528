package ai.askel.confluence.ports.out;

import ai.askel.confluence.domain.JobId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The cluster's shared queue and clock, coordinated through the database: an enqueued job item runs on
 * exactly one instance at a time (another picks it up if that instance dies), and each occurrence of a
 * recurring task runs on exactly one instance.
 */
public interface ClusterSchedulerPort {
    /** Hands the job's items to the queue; items already queued stay queued once. */
    void enqueue(JobId job, List<Integer> items);

    /**
     * Makes this instance a worker until {@link #stop()}: it runs queued items with {@code work.items()}
     * and takes its turn at the recurring tasks. Starting a second time without a stop is refused.
     */
    void start(ClusterWork work);

    /** Stops taking work and waits (boundedly) for the items in flight; does nothing when not started. */
    void stop();

    /** What a worker does. */
    record ClusterWork(BiFunction<JobId, Integer, ItemRun> items, List<RecurringWork> recurring) {
        public ClusterWork {
            Objects.requireNonNull(items, "items");
            recurring = List.copyOf(recurring);
        }
    }

    /** Work done once per cluster every {@code interval} (after the previous run ended), by whichever instance gets it. */
    record RecurringWork(String name, Duration interval, Runnable work) {
        public RecurringWork {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(work, "work");
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("interval must be positive");
            }
        }
    }

    /** How running an item ended: done (whatever its result), or to be run again after a backoff. */
    enum ItemRun { DONE, RETRY }
}
