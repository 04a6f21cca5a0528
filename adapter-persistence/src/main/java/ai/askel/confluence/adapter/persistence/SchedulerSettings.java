package ai.askel.confluence.adapter.persistence;

import ai.askel.confluence.domain.error.InvalidInputException;
import java.time.Duration;
import java.util.Objects;

/**
 * How this instance takes part in the cluster's queue (db-scheduler over the shared database).
 *
 * @param threads          job items (and recurring tasks) this instance runs at once
 * @param pollInterval     how often it looks for due work when idle
 * @param heartbeat        how often it marks the executions it runs as alive
 * @param missedHeartbeats heartbeats missed before another instance treats an execution as dead and runs it again
 * @param shutdownWait     how long a stop waits for executions in flight (the rest are picked up elsewhere once dead)
 * @param retryBackoff     the first wait before a transiently failed item runs again; doubled each time
 * @param instanceName     this instance's name in {@code scheduled_tasks.picked_by}
 */
public record SchedulerSettings(int threads, Duration pollInterval, Duration heartbeat, int missedHeartbeats, Duration shutdownWait,
                                Duration retryBackoff, String instanceName) {
    public SchedulerSettings {
        if (threads < 1 || threads > 200) {
            throw InvalidInputException.of("threads", "must be between 1 and 200, was " + threads);
        }
        positive(pollInterval, "pollInterval");
        positive(heartbeat, "heartbeat");
        positive(shutdownWait, "shutdownWait");
        positive(retryBackoff, "retryBackoff");
        if (missedHeartbeats < 2 || missedHeartbeats > 100) {
            throw InvalidInputException.of("missedHeartbeats", "must be between 2 and 100, was " + missedHeartbeats);
        }
        Objects.requireNonNull(instanceName, "instanceName");
    }

    /** 8 threads, a 1 s poll, a 10 s heartbeat (dead after 6 missed: one minute), 30 s to finish at stop, 2 s first retry. */
    public static SchedulerSettings defaults() {
        return new SchedulerSettings(8, Duration.ofSeconds(1), Duration.ofSeconds(10), 6, Duration.ofSeconds(30), Duration.ofSeconds(2),
                defaultInstanceName());
    }

    /** Host name and process id: several instances on one host stay apart. */
    public static String defaultInstanceName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        return host + "#" + ProcessHandle.current().pid();
    }

    private static void positive(Duration d, String field) {
        Objects.requireNonNull(d, field);
        if (d.isNegative() || d.isZero()) {
            throw InvalidInputException.of(field, "must be positive");
        }
    }
}
