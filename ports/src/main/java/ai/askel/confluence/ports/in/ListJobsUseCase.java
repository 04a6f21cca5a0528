package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.Job;
import ai.askel.confluence.domain.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The workspace's jobs, newest first. */
public interface ListJobsUseCase {
    /** At most {@code limit} jobs (1 to 250) submitted before {@code before} when given. */
    List<Job> list(WorkspaceId workspace, Optional<Instant> before, int limit);
}
