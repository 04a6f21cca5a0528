package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Job;
import ai.askel.confluence.domain.JobId;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.ports.in.CancelJobUseCase;
import ai.askel.confluence.ports.out.ClockPort;
import ai.askel.confluence.ports.out.JobObserver;
import ai.askel.confluence.ports.out.JobRepositoryPort;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Cancels a job as the job decides ({@link Job#cancel}): its pending items become CANCELLED in one
 * transaction, so no worker starts them; items already running finish through the publish, whole.
 */
final class CancelJobService implements CancelJobUseCase {
    private final JobRepositoryPort jobs;
    private final ClockPort clock;
    private final AuditTrail audit;
    private final JobObserver metrics;

    @Inject
    public CancelJobService(JobRepositoryPort jobs, ClockPort clock, AuditTrail audit, JobObserver metrics) {
        this.jobs = jobs;
        this.clock = clock;
        this.audit = audit;
        this.metrics = metrics;
    }

    @Override
    public Job cancel(WorkspaceId workspace, JobId id) {
        Job job = JobQueryService.find(jobs, workspace, id);
        Job cancelled = job.cancel(clock.now());
        if (cancelled != job) {
            metrics.cancelled(job.kind(), jobs.cancel(id, cancelled.cancelRequestedAt().orElseThrow()));
            audit.record(workspace, "job.cancel", Optional.of(job.connection()), Optional.empty(), "job " + id);
        }
        return JobQueryService.find(jobs, workspace, id);
    }
}
