package ai.askel.confluence.ports.out;

import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.Job;
import ai.askel.confluence.domain.JobId;
import ai.askel.confluence.domain.JobKind;
import ai.askel.confluence.domain.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Jobs and their items, shared by every instance through the database. Each item moves
 * PENDING → RUNNING → a final state; the moves are single conditional updates, so two workers never
 * both finish one item.
 */
public interface JobRepositoryPort {
    /**
     * Stores the job and its items in one transaction; when the job carries an idempotency key that
     * its workspace already used, nothing is stored and the earlier job is answered.
     */
    Job insertOrGet(Job job, List<JobItemRequest> items);

    /** The job with its current counts, in the given workspace (another workspace's is not found). */
    Optional<Job> find(WorkspaceId workspace, JobId id);

    /** The job with its current counts, whatever its workspace. */
    Optional<Job> find(JobId id);

    /** The workspace's jobs, newest first, at most {@code limit}, submitted before {@code before} when given. */
    List<Job> list(WorkspaceId workspace, Optional<Instant> before, int limit);

    /** Items from position {@code fromIndex}, in order, at most {@code limit}. */
    List<JobItem> items(JobId id, int fromIndex, int limit);

    /**
     * Starts the item: RUNNING (left by a worker that died mid-item) becomes RUNNING again with one more
     * attempt, and so does PENDING unless the job was cancelled; its request is answered with what a worker
     * needs of its job. Any other item (final, cancelled, or purged with its job) answers empty.
     */
    Optional<StartedItem> start(JobId id, int index, Instant at);

    /** Records a final result, unless the item is final already; answers whether it was recorded. */
    boolean finish(JobId id, int index, JobItem.Result result, Instant at);

    /**
     * Puts a started item back to PENDING after a transient failure, keeping the error for the record;
     * if the job was cancelled meanwhile, the item is CANCELLED instead (it will not run again).
     */
    void retryLater(JobId id, int index, JobItem.ItemError error, Instant at);

    /** Records the cancel time and marks every PENDING item CANCELLED, in one transaction; answers how many it cancelled. */
    int cancel(JobId id, Instant at);

    /** Indexes of items not final yet (to hand them to the queue again). */
    List<Integer> unfinishedItems(JobId id);

    /** Jobs with items not final yet. */
    List<JobId> unfinishedJobs();

    /** Deletes jobs (and their items) whose last item finished before {@code cutoff}; answers how many. */
    int purgeFinishedBefore(Instant cutoff);

    /**
     * An item a worker has started: its job's workspace, connection and kind (read with the item, so that running an
     * item never reads or counts the job's other items), its request, and how many times it was started.
     */
    record StartedItem(WorkspaceId workspace, ConnectionId connection, JobKind kind, JobItemRequest request, int attempts) {
    }
}
