package ai.askel.confluence.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.error.InvalidInputException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private static Job with(JobCounts counts, Optional<Instant> cancelled) {
        Job job = Job.submit(WorkspaceIds.DEFAULT, ConnectionId.random(), JobKind.RUNBOOK_PUBLISH_BATCH, (int) counts.total(),
                Optional.empty(), NOW);
        return new Job(job.id(), job.workspace(), job.connection(), job.kind(), job.total(), job.idempotencyKey(), job.submittedAt(),
                cancelled, Optional.empty(), counts);
    }

    @Test
    void a_new_job_is_queued_with_every_item_pending() {
        Job job = Job.submit(WorkspaceIds.DEFAULT, ConnectionId.random(), JobKind.RUNBOOK_PUBLISH_BATCH, 3, Optional.of("k"), NOW);

        assertThat(job.state()).isEqualTo(JobState.QUEUED);
        assertThat(job.counts()).isEqualTo(new JobCounts(3, 0, 0, 0, 0));
        assertThat(job.cancelRequestedAt()).isEmpty();
    }

    @Test
    void the_state_follows_the_counts() {
        assertThat(with(new JobCounts(2, 1, 0, 0, 0), Optional.empty()).state()).isEqualTo(JobState.RUNNING);
        assertThat(with(new JobCounts(2, 0, 1, 0, 0), Optional.empty()).state()).as("between items").isEqualTo(JobState.RUNNING);
        assertThat(with(new JobCounts(0, 0, 2, 1, 0), Optional.empty()).state()).as("failures count as finished")
                .isEqualTo(JobState.COMPLETED);
        assertThat(with(new JobCounts(0, 1, 1, 0, 1), Optional.of(NOW)).state()).isEqualTo(JobState.CANCELLING);
        assertThat(with(new JobCounts(0, 0, 1, 0, 2), Optional.of(NOW)).state()).isEqualTo(JobState.CANCELLED);
    }

    @Test
    void a_cancelled_job_keeps_its_first_cancel_time() {
        Job cancelled = with(new JobCounts(2, 1, 0, 0, 0), Optional.empty()).cancel(NOW);

        assertThat(cancelled.cancelRequestedAt()).contains(NOW);
        assertThat(cancelled.cancel(NOW.plusSeconds(5)).cancelRequestedAt()).contains(NOW);
    }

    @Test
    void cancelling_a_completed_job_changes_nothing() {
        Job done = with(new JobCounts(0, 0, 2, 0, 0), Optional.empty());

        assertThat(done.cancel(NOW)).isSameAs(done);
    }

    @Test
    void a_job_holds_one_to_ten_thousand_items() {
        assertThatThrownBy(() -> Job.submit(WorkspaceIds.DEFAULT, ConnectionId.random(), JobKind.RUNBOOK_PUBLISH_BATCH, 10_001,
                Optional.empty(), NOW)).isInstanceOf(InvalidInputException.class).hasMessageContaining("10000");
        assertThatThrownBy(() -> Job.submit(WorkspaceIds.DEFAULT, ConnectionId.random(), JobKind.RUNBOOK_PUBLISH_BATCH, 0,
                Optional.empty(), NOW)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void only_a_finished_job_expires() {
        Job running = with(new JobCounts(1, 0, 0, 0, 0), Optional.empty());
        Job finished = new Job(running.id(), running.workspace(), running.connection(), running.kind(), 1, Optional.empty(), NOW,
                Optional.empty(), Optional.of(NOW), new JobCounts(0, 0, 1, 0, 0));

        assertThat(running.expiredBefore(NOW.plusSeconds(60))).isFalse();
        assertThat(finished.expiredBefore(NOW.plusSeconds(60))).isTrue();
        assertThat(finished.expiredBefore(NOW)).isFalse();
    }
}
