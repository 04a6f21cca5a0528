package ai.askel.confluence.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.DriftPolicy;
import ai.askel.confluence.domain.Job;
import ai.askel.confluence.domain.JobCounts;
import ai.askel.confluence.domain.JobItemState;
import ai.askel.confluence.domain.JobKind;
import ai.askel.confluence.domain.JobState;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.RunbookId;
import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.ports.out.JobItem;
import ai.askel.confluence.ports.out.JobItemRequest;
import ai.askel.confluence.ports.out.JobRepositoryPort;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link JobRepositoryPort}, run against every database. */
abstract class JobRepositoryContract extends PersistenceContract {
    private JobRepositoryPort jobs;
    private WorkspaceId workspace;

    @BeforeEach
    void freshWorkspace() {
        jobs = persistence.jobs();
        workspace = WorkspaceId.random();
    }

    static JobItemRequest item(int n) {
        return new JobItemRequest(Fixtures.SPACE, Optional.empty(), Title.of("Env " + n), "customer-environment-runbook",
                new TemplateInputs(Map.of("environment", "Env " + n, "replicas", 3, "ratio", new BigDecimal("0.5"),
                        "tags", List.of("a", "b"))), Optional.of(Set.of(Label.of("auto-generated"))),
                List.of(new JobItemRequest.InlineAttachment("diagram.png", "image/png", new byte[] {1, 2, 3, (byte) 200},
                        Optional.of("the diagram"))), DriftPolicy.OVERWRITE);
    }

    private Job submit(int items, Optional<String> key) {
        Job job = Job.submit(workspace, ConnectionId.random(), JobKind.RUNBOOK_PUBLISH_BATCH, items, key, Fixtures.NOW);
        return jobs.insertOrGet(job, IntStream.range(0, items).mapToObj(JobRepositoryContract::item).toList());
    }

    private static JobItem.Result succeeded() {
        return new JobItem.Result(JobItemState.SUCCEEDED, Optional.of("CREATED"), Optional.of(RunbookId.random()),
                Optional.of(PageId.of("4242")), Optional.empty());
    }

    @Test
    void a_stored_job_has_every_item_pending_in_order() {
        Job job = submit(3, Optional.empty());

        Job found = jobs.find(workspace, job.id()).orElseThrow();
        assertThat(found.counts()).isEqualTo(new JobCounts(3, 0, 0, 0, 0));
        assertThat(found.state()).isEqualTo(JobState.QUEUED);
        assertThat(jobs.items(job.id(), 0, 10)).extracting(JobItem::index, i -> i.title().value(), JobItem::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, "Env 0", JobItemState.PENDING),
                        org.assertj.core.groups.Tuple.tuple(1, "Env 1", JobItemState.PENDING),
                        org.assertj.core.groups.Tuple.tuple(2, "Env 2", JobItemState.PENDING));
        assertThat(jobs.items(job.id(), 1, 1)).extracting(JobItem::index).containsExactly(1);
        assertThat(jobs.find(WorkspaceId.random(), job.id())).as("another workspace's job").isEmpty();
    }

    @Test
    void a_second_submission_with_the_same_key_answers_the_first_job_and_stores_nothing() {
        Job first = submit(2, Optional.of("batch-1"));
        Job second = submit(5, Optional.of("batch-1"));

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.total()).isEqualTo(2);
        assertThat(jobs.list(workspace, Optional.empty(), 10)).hasSize(1);
    }

    @Test
    void a_started_item_answers_its_request_whole_and_finishes_once() {
        Job job = submit(1, Optional.empty());

        JobRepositoryPort.StartedItem started = jobs.start(job.id(), 0, Fixtures.NOW).orElseThrow();
        assertThat(started.request()).isEqualTo(item(0));
        assertThat(started.attempts()).isEqualTo(1);
        assertThat(started).extracting(JobRepositoryPort.StartedItem::workspace, JobRepositoryPort.StartedItem::connection,
                JobRepositoryPort.StartedItem::kind).containsExactly(job.workspace(), job.connection(), job.kind());
        assertThat(jobs.find(job.id()).orElseThrow().state()).isEqualTo(JobState.RUNNING);

        assertThat(jobs.finish(job.id(), 0, succeeded(), Fixtures.NOW)).isTrue();
        assertThat(jobs.finish(job.id(), 0, succeeded(), Fixtures.NOW)).as("a second result").isFalse();
        assertThat(jobs.start(job.id(), 0, Fixtures.NOW)).as("a final item does not start again").isEmpty();
        Job done = jobs.find(job.id()).orElseThrow();
        assertThat(done.state()).isEqualTo(JobState.COMPLETED);
        assertThat(done.finishedAt()).isPresent();
        JobItem result = jobs.items(job.id(), 0, 1).get(0);
        assertThat(result.outcome()).contains("CREATED");
        assertThat(result.pageId()).contains(PageId.of("4242"));
    }

    @Test
    void an_item_left_running_by_a_dead_worker_starts_again_with_one_more_attempt() {
        Job job = submit(1, Optional.empty());
        jobs.start(job.id(), 0, Fixtures.NOW);

        assertThat(jobs.start(job.id(), 0, Fixtures.NOW).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void a_transient_failure_puts_the_item_back_with_its_error() {
        Job job = submit(1, Optional.empty());
        jobs.start(job.id(), 0, Fixtures.NOW);

        jobs.retryLater(job.id(), 0, new JobItem.ItemError("RATE_LIMITED", "Confluence answered 429"), Fixtures.NOW);

        JobItem item = jobs.items(job.id(), 0, 1).get(0);
        assertThat(item.state()).isEqualTo(JobItemState.PENDING);
        assertThat(item.error()).contains(new JobItem.ItemError("RATE_LIMITED", "Confluence answered 429"));
        assertThat(jobs.unfinishedItems(job.id())).containsExactly(0);
        assertThat(jobs.unfinishedJobs()).contains(job.id());
    }

    @Test
    void a_cancelled_job_starts_no_pending_item_but_restarts_one_a_dead_worker_left_running() {
        Job job = submit(2, Optional.empty());
        jobs.start(job.id(), 0, Fixtures.NOW);
        jobs.cancel(job.id(), Fixtures.NOW);

        assertThat(jobs.start(job.id(), 1, Fixtures.NOW)).as("cancelled before it started").isEmpty();
        assertThat(jobs.start(job.id(), 0, Fixtures.NOW)).as("in flight when its worker died").isPresent();
    }

    @Test
    void a_transient_failure_after_a_cancel_cancels_the_item_and_finishes_the_job() {
        Job job = submit(1, Optional.empty());
        jobs.start(job.id(), 0, Fixtures.NOW);
        jobs.cancel(job.id(), Fixtures.NOW);

        jobs.retryLater(job.id(), 0, new JobItem.ItemError("rate_limited", "429"), Fixtures.NOW.plusSeconds(1));

        Job done = jobs.find(job.id()).orElseThrow();
        assertThat(done.state()).isEqualTo(JobState.CANCELLED);
        assertThat(done.finishedAt()).contains(Fixtures.NOW.plusSeconds(1));
        assertThat(jobs.start(job.id(), 0, Fixtures.NOW)).isEmpty();
    }

    @Test
    void cancel_cancels_pending_items_and_leaves_running_ones_to_finish() {
        Job job = submit(3, Optional.empty());
        jobs.start(job.id(), 0, Fixtures.NOW);
        jobs.finish(job.id(), 1, succeeded(), Fixtures.NOW);

        jobs.cancel(job.id(), Fixtures.NOW.plusSeconds(1));

        Job cancelling = jobs.find(job.id()).orElseThrow();
        assertThat(cancelling.counts()).isEqualTo(new JobCounts(0, 1, 1, 0, 1));
        assertThat(cancelling.state()).isEqualTo(JobState.CANCELLING);
        assertThat(cancelling.finishedAt()).isEmpty();

        jobs.finish(job.id(), 0, succeeded(), Fixtures.NOW.plusSeconds(2));
        Job cancelled = jobs.find(job.id()).orElseThrow();
        assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
        assertThat(cancelled.finishedAt()).contains(Fixtures.NOW.plusSeconds(2));
        assertThat(jobs.unfinishedJobs()).doesNotContain(job.id());
    }

    @Test
    void jobs_are_listed_newest_first_and_purged_only_once_finished_before_the_cutoff() {
        Job old = jobs.insertOrGet(Job.submit(workspace, ConnectionId.random(), JobKind.RUNBOOK_PUBLISH_BATCH, 1, Optional.empty(),
                Fixtures.NOW.minus(Duration.ofDays(10))), List.of(item(0)));
        jobs.finish(old.id(), 0, succeeded(), Fixtures.NOW.minus(Duration.ofDays(9)));
        Job open = submit(1, Optional.empty());

        assertThat(jobs.list(workspace, Optional.empty(), 10)).extracting(Job::id).containsExactly(open.id(), old.id());
        assertThat(jobs.list(workspace, Optional.of(Fixtures.NOW), 10)).extracting(Job::id).containsExactly(old.id());

        assertThat(jobs.purgeFinishedBefore(Fixtures.NOW.minus(Duration.ofDays(7)))).isGreaterThanOrEqualTo(1);
        assertThat(jobs.find(old.id())).isEmpty();
        assertThat(jobs.items(old.id(), 0, 10)).as("its items went with it").isEmpty();
        assertThat(jobs.find(open.id())).isPresent();
    }
}
