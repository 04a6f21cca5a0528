package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.error.InvalidInputException;
import java.time.Duration;
import java.util.Objects;

/**
 * What a worker does on its own schedule.
 *
 * @param driftScanInterval          how often the cluster scans every connection for drift; zero turns it off
 * @param tokenExpiryCheckInterval   how often the cluster checks registered token expiry dates (no Confluence call)
 * @param housekeepingInterval       how often finished jobs past their retention are purged and unqueued items queued again
 * @param jobRetention               how long a finished job and its items' results are kept
 * @param maxItemAttempts            attempts of one job item when it fails transiently (429, 5xx, timeouts, concurrent publishes)
 */
public record WorkerSettings(Duration driftScanInterval, Duration tokenExpiryCheckInterval, Duration housekeepingInterval,
                             Duration jobRetention, int maxItemAttempts) {
    public WorkerSettings {
        Objects.requireNonNull(driftScanInterval, "driftScanInterval");
        positive(tokenExpiryCheckInterval, "tokenExpiryCheckInterval");
        positive(housekeepingInterval, "housekeepingInterval");
        positive(jobRetention, "jobRetention");
        if (driftScanInterval.isNegative()) {
            throw InvalidInputException.of("driftScanInterval", "must not be negative");
        }
        if (maxItemAttempts < 1 || maxItemAttempts > 100) {
            throw InvalidInputException.of("maxItemAttempts", "must be between 1 and 100, was " + maxItemAttempts);
        }
    }

    public static WorkerSettings defaults() {
        return new WorkerSettings(Duration.ZERO, Duration.ofHours(6), Duration.ofMinutes(5), Duration.ofDays(7), 5);
    }

    private static void positive(Duration d, String field) {
        Objects.requireNonNull(d, field);
        if (d.isNegative() || d.isZero()) {
            throw InvalidInputException.of(field, "must be positive");
        }
    }
}
