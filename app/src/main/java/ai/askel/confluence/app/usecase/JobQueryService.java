package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Job;
import ai.askel.confluence.domain.JobId;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.ports.in.GetJobUseCase;
import ai.askel.confluence.ports.in.JobView;
import ai.askel.confluence.ports.in.ListJobsUseCase;
import ai.askel.confluence.ports.out.JobItem;
import ai.askel.confluence.ports.out.JobRepositoryPort;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads jobs: one with a page of its items, or the workspace's newest. */
final class JobQueryService implements GetJobUseCase, ListJobsUseCase {
    static final int MAX_ITEMS_PAGE = 1_000;
    static final int MAX_JOBS_PAGE = 250;

    private final JobRepositoryPort jobs;

    @Inject
    public JobQueryService(JobRepositoryPort jobs) {
        this.jobs = jobs;
    }

    @Override
    public JobView get(WorkspaceId workspace, JobId id, int fromIndex, int limit) {
        if (fromIndex < 0) {
            throw InvalidInputException.of("from", "must not be negative");
        }
        if (limit < 1 || limit > MAX_ITEMS_PAGE) {
            throw InvalidInputException.of("limit", "must be between 1 and %d".formatted(MAX_ITEMS_PAGE));
        }
        Job job = find(jobs, workspace, id);
        List<JobItem> items = jobs.items(id, fromIndex, limit);
        int next = fromIndex + items.size();
        return new JobView(job, items, items.size() == limit && next < job.total() ? Optional.of(next) : Optional.empty());
    }

    @Override
    public List<Job> list(WorkspaceId workspace, Optional<Instant> before, int limit) {
        if (limit < 1 || limit > MAX_JOBS_PAGE) {
            throw InvalidInputException.of("limit", "must be between 1 and %d".formatted(MAX_JOBS_PAGE));
        }
        return jobs.list(workspace, before, limit);
    }

    static Job find(JobRepositoryPort jobs, WorkspaceId workspace, JobId id) {
        return jobs.find(workspace, id).orElseThrow(() -> new NotFoundException("job %s not found".formatted(id)));
    }
}
