package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.JobId;
import ai.askel.confluence.domain.WorkspaceId;

/** A job's state, counts and one page of its items' results. */
public interface GetJobUseCase {
    /** Items from {@code fromIndex}, at most {@code limit} (1 to 1,000); another workspace's job is not found. */
    JobView get(WorkspaceId workspace, JobId id, int fromIndex, int limit);
}
