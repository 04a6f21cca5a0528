package ai.askel.confluence.domain;

import ai.askel.confluence.domain.error.InvalidInputException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A job: a batch of items (runbook publishes) that any instance of the cluster may run. It decides its
 * own state from its items' counts. Once it is cancelled no pending item starts (the job repository's start says so
 * in the same statement that starts an item, so a cancel and a start never cross).
 *
 * @param idempotencyKey the submitter's key: a second submission with it answers this job
 * @param counts         the items per state when the job was read
 */
public record Job(JobId id, WorkspaceId workspace, ConnectionId connection, JobKind kind, int total, Optional<String> idempotencyKey,
                  Instant submittedAt, Optional<Instant> cancelRequestedAt, Optional<Instant> finishedAt, JobCounts counts) {
    /** The most items one job may hold. */
    public static final int MAX_ITEMS = 10_000;

    public Job {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(cancelRequestedAt, "cancelRequestedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(counts, "counts");
        if (total < 1 || total > MAX_ITEMS) {
            throw InvalidInputException.of("items", "a job holds 1 to %d items, was %d".formatted(MAX_ITEMS, total));
        }
    }

    /** A new job of {@code total} pending items. */
    public static Job submit(WorkspaceId workspace, ConnectionId connection, JobKind kind, int total, Optional<String> idempotencyKey,
                             Instant at) {
        return new Job(JobId.random(), workspace, connection, kind, total, idempotencyKey, at, Optional.empty(), Optional.empty(),
                new JobCounts(total, 0, 0, 0, 0));
    }

    public JobState state() {
        boolean busy = counts.pending() + counts.running() > 0;
        if (cancelRequestedAt.isPresent()) {
            return counts.running() > 0 ? JobState.CANCELLING : JobState.CANCELLED;
        }
        if (!busy) {
            return JobState.COMPLETED;
        }
        return counts.running() == 0 && counts.finished() == 0 ? JobState.QUEUED : JobState.RUNNING;
    }

    /** Cancelling twice keeps the first time; cancelling a completed job changes nothing. */
    public Job cancel(Instant at) {
        if (cancelRequestedAt.isPresent() || state() == JobState.COMPLETED) {
            return this;
        }
        return new Job(id, workspace, connection, kind, total, idempotencyKey, submittedAt, Optional.of(at), finishedAt, counts);
    }

    /** Whether the job may be purged: finished before {@code cutoff}. */
    public boolean expiredBefore(Instant cutoff) {
        return state().isFinal() && finishedAt.map(f -> f.isBefore(cutoff)).orElse(false);
    }
}
