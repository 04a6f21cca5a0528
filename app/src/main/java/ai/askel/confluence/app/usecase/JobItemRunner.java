package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.JobId;
import ai.askel.confluence.domain.JobItemState;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.PublishResult;
import ai.askel.confluence.ports.in.PublishRunbookCommand;
import ai.askel.confluence.ports.in.PublishRunbookUseCase;
import ai.askel.confluence.domain.PublishSource;
import ai.askel.confluence.ports.out.ClockPort;
import ai.askel.confluence.ports.out.ClusterSchedulerPort.ItemRun;
import ai.askel.confluence.ports.out.JobItem;
import ai.askel.confluence.ports.out.JobItemRequest;
import ai.askel.confluence.ports.out.JobObserver;
import ai.askel.confluence.ports.out.JobRepositoryPort;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Runs one job item on this instance: starts it (a final item is left alone; a cancelled job starts no
 * pending item, but one left running by a dead worker is finished), publishes through the single publish use case, and records the result. A transient
 * failure puts it back for a retry with backoff until the attempts run out. Running an item again after
 * a crash is safe: the publish is idempotent (one page, labels and attachments once).
 */
final class JobItemRunner {
    /** Failures that may pass: Confluence busy or unreachable, a concurrent publish, a database hiccup. */
    static final Set<ErrorCode> TRANSIENT = Set.of(ErrorCode.RATE_LIMITED, ErrorCode.CONFLUENCE_UNAVAILABLE, ErrorCode.CONFLICT,
            ErrorCode.INTERNAL);

    private final JobRepositoryPort jobs;
    private final PublishRunbookUseCase publish;
    private final ClockPort clock;
    private final JobObserver metrics;
    private final WorkerSettings settings;

    @Inject
    public JobItemRunner(JobRepositoryPort jobs, PublishRunbookUseCase publish, ClockPort clock, JobObserver metrics,
                         WorkerSettings settings) {
        this.jobs = jobs;
        this.publish = publish;
        this.clock = clock;
        this.metrics = metrics;
        this.settings = settings;
    }

    public ItemRun run(JobId id, int index) {
        // a cancelled job starts nothing new, but an item its dead worker left half-done is run to its end; a final
        // item, or one whose job was purged, is done
        Optional<JobRepositoryPort.StartedItem> started = jobs.start(id, index, clock.now());
        if (started.isEmpty()) {
            return ItemRun.DONE;
        }
        JobRepositoryPort.StartedItem item = started.get();
        long begun = System.nanoTime();
        metrics.started(item.kind());
        JobObserver.Ending ending = JobObserver.Ending.FAILED;
        try {
            PublishResult result = publish.publish(command(item));
            jobs.finish(id, index, new JobItem.Result(JobItemState.SUCCEEDED, Optional.of(result.outcome().name()),
                    result.runbook(), result.pageId(), Optional.empty()), clock.now());
            ending = JobObserver.Ending.SUCCEEDED;
            return ItemRun.DONE;
        } catch (ConnectorException e) {
            JobItem.ItemError error = new JobItem.ItemError(e.code().name(), e.getMessage());
            if (TRANSIENT.contains(e.code()) && item.attempts() < settings.maxItemAttempts()) {
                jobs.retryLater(id, index, error, clock.now());
                ending = JobObserver.Ending.RETRIED;
                return ItemRun.RETRY;
            }
            jobs.finish(id, index, failed(error), clock.now());
            return ItemRun.DONE;
        } catch (RuntimeException e) {
            // the type only: an unexpected message may carry anything
            jobs.finish(id, index, failed(new JobItem.ItemError(ErrorCode.INTERNAL.name(), "unexpected " + e.getClass().getSimpleName())), clock.now());
            return ItemRun.DONE;
        } finally {
            metrics.ended(item.kind(), ending, Duration.ofNanos(System.nanoTime() - begun));
        }
    }

    private static JobItem.Result failed(JobItem.ItemError error) {
        return new JobItem.Result(JobItemState.FAILED, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(error));
    }

    private static PublishRunbookCommand command(JobRepositoryPort.StartedItem started) {
        JobItemRequest item = started.request();
        return new PublishRunbookCommand(new ConnectionRef(started.workspace(), started.connection()), item.space(), item.parentTitle(),
                item.title(), new PublishSource.FromTemplate(item.templateId(), item.inputs()), item.labels(),
                item.attachments().stream().map(JobItemRequest.InlineAttachment::upload).toList(), item.onDrift(), false);
    }
}
