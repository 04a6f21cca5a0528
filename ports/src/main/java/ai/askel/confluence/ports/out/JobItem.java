package ai.askel.confluence.ports.out;

import ai.askel.confluence.domain.JobItemState;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.RunbookId;
import ai.askel.confluence.domain.Title;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One item of a job and its result so far.
 *
 * @param index    its position in the submitted batch, from 0
 * @param outcome  how its publish ended (CREATED, UPDATED, UNCHANGED, SKIPPED) once it succeeded
 * @param error    why it failed (or, while pending, why the last attempt failed)
 * @param attempts how many times a worker started it (a crash mid-item counts)
 */
public record JobItem(int index, Title title, JobItemState state, int attempts, Optional<String> outcome, Optional<RunbookId> runbook,
                      Optional<PageId> pageId, Optional<ItemError> error, Optional<Instant> finishedAt) {
    public JobItem {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(runbook, "runbook");
        Objects.requireNonNull(pageId, "pageId");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(finishedAt, "finishedAt");
    }

    /** A failure as an API problem would describe it: the error code and its detail (never a secret). */
    public record ItemError(String code, String detail) {
        public ItemError {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The result of a finished item. */
    public record Result(JobItemState state, Optional<String> outcome, Optional<RunbookId> runbook, Optional<PageId> pageId,
                         Optional<ItemError> error) {
        public Result {
            Objects.requireNonNull(state, "state");
            if (!state.isFinal()) {
                throw new IllegalArgumentException("a result is final, not " + state);
            }
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(runbook, "runbook");
            Objects.requireNonNull(pageId, "pageId");
            Objects.requireNonNull(error, "error");
        }
    }
}
