package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.Job;

/**
 * Submits a batch of runbook publishes as a job: checked whole before anything is stored (every bad
 * item named), then stored and queued for whichever instance is free. Each item later runs through
 * the single publish, with its guarantees.
 */
public interface SubmitRunbookBatchUseCase {
    /** Answers the new job, or the job submitted earlier with the same idempotency key. */
    Job submit(SubmitRunbookBatchCommand command);
}
