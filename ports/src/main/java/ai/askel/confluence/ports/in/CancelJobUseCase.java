package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.Job;
import ai.askel.confluence.domain.JobId;
import ai.askel.confluence.domain.WorkspaceId;

/** Cancels a job: items that have not started never start; items in flight finish. Cancelling twice is harmless. */
public interface CancelJobUseCase {
    Job cancel(WorkspaceId workspace, JobId id);
}
