package ai.askel.confluence.app;

import ai.askel.confluence.domain.Job;
import ai.askel.confluence.domain.JobId;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.ports.in.CancelJobUseCase;
import ai.askel.confluence.ports.in.GetJobUseCase;
import ai.askel.confluence.ports.in.JobView;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A submitted job, for an embedding host: its id, its current state and counts, a page of its items,
 * a cancel, and a bounded wait for it to finish. The job runs on whichever instances are workers
 * ({@link AskelConfluence#startWorker}); waiting in a process that is none only ends if another is.
 */
public final class JobHandle {
    private final WorkspaceId workspace;
    private final JobId id;
    private final GetJobUseCase get;
    private final CancelJobUseCase cancel;

    JobHandle(WorkspaceId workspace, JobId id, GetJobUseCase get, CancelJobUseCase cancel) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.id = Objects.requireNonNull(id, "id");
        this.get = get;
        this.cancel = cancel;
    }

    public JobId id() {
        return id;
    }

    /** The job now, with its counts. */
    public Job status() {
        return get.get(workspace, id, 0, 1).job();
    }

    /** Items from {@code fromIndex}, at most {@code limit}. */
    public JobView items(int fromIndex, int limit) {
        return get.get(workspace, id, fromIndex, limit);
    }

    public Job cancel() {
        return cancel.cancel(workspace, id);
    }

    /**
     * Waits until the job is completed or cancelled, telling {@code progress} about each change of its
     * counts; polls every {@code poll}. At the deadline it answers the job as it is then (not final).
     */
    public Job await(Duration timeout, Duration poll, Consumer<Job> progress) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Job last = null;
        while (true) {
            Job now = status();
            if (last == null || !now.counts().equals(last.counts()) || now.state() != last.state()) {
                progress.accept(now);
            }
            last = now;
            if (now.state().isFinal()) {
                return now;
            }
            if (System.nanoTime() >= deadline) {
                return now;
            }
            Thread.sleep(Math.max(1, Math.min(poll.toMillis(), (deadline - System.nanoTime()) / 1_000_000)));
        }
    }
}
