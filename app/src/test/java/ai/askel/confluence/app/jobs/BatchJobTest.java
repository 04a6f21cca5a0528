package ai.askel.confluence.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.app.JobHandle;
import ai.askel.confluence.app.config.Setting;
import ai.askel.confluence.app.reliability.Harness;
import ai.askel.confluence.domain.DriftPolicy;
import ai.askel.confluence.domain.Job;
import ai.askel.confluence.domain.JobItemState;
import ai.askel.confluence.domain.JobState;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.WorkspaceIds;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.ports.in.SubmitRunbookBatchCommand;
import ai.askel.confluence.ports.out.JobItem;
import ai.askel.confluence.ports.out.JobItemRequest;
import ai.askel.confluence.sandbox.ConfluenceSandbox;
import ai.askel.confluence.sandbox.SandboxPage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batches of runbook publishes as jobs, in one process on the embedded database against the sandbox:
 * every item goes through the single publish (one page, labels and diagram once), transient failures
 * are retried, permanent ones recorded, bad input refused whole, a cancel stops new items, an
 * idempotency key answers the same job, and the housekeeping purges finished jobs.
 */
class BatchJobTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(50);

    private ConfluenceSandbox sandbox;
    private Harness harness;

    @TempDir
    Path dataDir;

    @BeforeEach
    void start() {
        sandbox = ConfluenceSandbox.builder().port(0).demoData().start();
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
        sandbox.close();
    }

    private Harness connector(Map<Setting, String> extra) {
        Map<Setting, String> settings = new EnumMap<>(Harness.fastSettings());
        settings.put(Setting.JOB_POLL_INTERVAL, "PT0.05S");
        settings.put(Setting.JOB_RETRY_BACKOFF, "PT0.1S");
        settings.put(Setting.JOB_HEARTBEAT, "PT1S");
        settings.putAll(extra);
        harness = Harness.embedded(sandbox, dataDir, settings);
        return harness;
    }

    static JobItemRequest item(String title) {
        return new JobItemRequest(SpaceKey.of("INFRA"), Optional.empty(), Title.of(title), "customer-environment-runbook",
                Harness.inputs(title), Optional.empty(), List.of(new JobItemRequest.InlineAttachment(Harness.DIAGRAM, "image/png",
                Harness.DIAGRAM_BYTES, Optional.of("Architecture"))), DriftPolicy.FAIL);
    }

    private static List<JobItemRequest> batch(String prefix, int size) {
        return IntStream.range(0, size).mapToObj(i -> item(prefix + " " + i)).toList();
    }

    private JobHandle submit(List<JobItemRequest> items, Optional<String> key) {
        return harness.askel.submitRunbookBatch(new SubmitRunbookBatchCommand(harness.ref, items, key));
    }

    private void assertPage(String title) {
        String id = sandbox.findPageId("INFRA", title).orElseThrow(() -> new AssertionError("no page " + title));
        SandboxPage page = sandbox.findPage(id).orElseThrow();
        assertThat(page.labels()).containsExactlyInAnyOrder("auto-generated", "customer-runbook");
        assertThat(page.attachments()).containsExactly(Harness.DIAGRAM);
    }

    @Test
    void a_batch_publishes_every_runbook_once_and_records_each_result() throws Exception {
        connector(Map.of()).askel.startWorker(false);

        JobHandle job = submit(batch("Env", 8), Optional.of("batch-1"));
        Job done = job.await(WAIT, POLL, j -> { });

        assertThat(done.state()).isEqualTo(JobState.COMPLETED);
        assertThat(done.counts().succeeded()).isEqualTo(8);
        List<JobItem> items = job.items(0, 100).items();
        assertThat(items).hasSize(8).allSatisfy(i -> {
            assertThat(i.state()).isEqualTo(JobItemState.SUCCEEDED);
            assertThat(i.outcome()).contains("CREATED");
            assertThat(i.pageId()).isPresent();
        });
        IntStream.range(0, 8).forEach(i -> assertPage("Env " + i));
        assertThat(harness.count(Harness.PAGES, 200)).as("8 runbook pages and the parent").isEqualTo(9);
        assertThat(harness.count(Harness.ATTACH, 200)).as("one diagram upload per page").isEqualTo(8);

        assertThat(submit(batch("Env", 8), Optional.of("batch-1")).id()).as("the same key answers the same job").isEqualTo(job.id());

        sandbox.resetCounters();
        Job again = submit(batch("Env", 8), Optional.empty()).await(WAIT, POLL, j -> { });
        assertThat(again.counts().succeeded()).isEqualTo(8);
        assertThat(harness.writes()).as("publishing the same batch again writes nothing").isEmpty();
    }

    @Test
    void a_transient_failure_is_retried_and_a_permanent_one_is_recorded() throws Exception {
        connector(Map.of()).askel.startWorker(false);
        sandbox.faults().failNext("POST", "/wiki/api/v2/pages", 503, 6);
        List<JobItemRequest> items = new java.util.ArrayList<>(batch("Flaky", 3));
        items.add(new JobItemRequest(SpaceKey.of("NOPE"), Optional.empty(), Title.of("Nowhere"), "customer-environment-runbook",
                Harness.inputs("Nowhere"), Optional.empty(), List.of(), DriftPolicy.FAIL));

        JobHandle job = submit(items, Optional.empty());
        Job done = job.await(WAIT, POLL, j -> { });

        assertThat(done.state()).isEqualTo(JobState.COMPLETED);
        assertThat(done.counts().succeeded()).isEqualTo(3);
        assertThat(done.counts().failed()).isEqualTo(1);
        List<JobItem> results = job.items(0, 10).items();
        assertThat(results.get(3).error()).hasValueSatisfying(e -> {
            assertThat(e.code()).as("the same code a problem answer carries").isEqualTo("NOT_FOUND");
            assertThat(e.detail()).contains("NOPE");
        });
        IntStream.range(0, 3).forEach(i -> assertPage("Flaky " + i));
        assertThat(harness.count(Harness.ATTACH, 200)).isEqualTo(3);
    }

    @Test
    void bad_input_is_refused_whole_naming_every_bad_item() {
        connector(Map.of());
        List<JobItemRequest> items = List.of(item("Good"),
                new JobItemRequest(SpaceKey.of("INFRA"), Optional.empty(), Title.of("Bad"), "no-such-template", TemplateInputs.empty(),
                        Optional.empty(), List.of(), DriftPolicy.FAIL),
                new JobItemRequest(SpaceKey.of("INFRA"), Optional.empty(), Title.of("Empty"), "customer-environment-runbook",
                        TemplateInputs.empty(), Optional.empty(), List.of(), DriftPolicy.FAIL),
                item("Good"));

        assertThatThrownBy(() -> submit(items, Optional.empty()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(p -> p.field())
                        .contains("items[1].templateId", "items[3].title").anyMatch(f -> f.startsWith("items[2].")));
        assertThat(harness.askel.listJobs().list(WorkspaceIds.DEFAULT, Optional.empty(), 10)).isEmpty();
    }

    @Test
    void cancel_stops_new_items_and_leaves_no_half_written_page() throws Exception {
        connector(Map.of(Setting.JOB_THREADS, "1")).askel.startWorker(false);
        sandbox.faults().latency(Duration.ofMillis(40));
        JobHandle job = submit(batch("Cancel", 30), Optional.empty());
        while (job.status().counts().succeeded() < 3) {
            Thread.sleep(20);
        }

        Job cancelled = job.cancel();
        assertThat(cancelled.state()).isIn(JobState.CANCELLING, JobState.CANCELLED);
        Job done = job.await(WAIT, POLL, j -> { });

        assertThat(done.state()).isEqualTo(JobState.CANCELLED);
        assertThat(done.counts().cancelled()).isPositive();
        assertThat(done.counts().succeeded() + done.counts().cancelled()).isEqualTo(30);
        long pages = IntStream.range(0, 30).filter(i -> sandbox.findPageId("INFRA", "Cancel " + i).isPresent()).count();
        assertThat(pages).as("a page for each item that ran, none for a cancelled one").isEqualTo(done.counts().succeeded());
        job.items(0, 30).items().stream().filter(i -> i.state() == JobItemState.SUCCEEDED).forEach(i -> assertPage(i.title().value()));
        Thread.sleep(300);
        assertThat(job.status().counts()).as("nothing starts after the cancel settled").isEqualTo(done.counts());
    }

    @Test
    void the_housekeeping_purges_finished_jobs_past_their_retention() throws Exception {
        connector(Map.of(Setting.JOB_RETENTION, "PT0.2S", Setting.JOB_HOUSEKEEPING_INTERVAL, "PT0.3S"));
        submit(batch("Old", 1), Optional.empty());
        harness.askel.startWorker(true);

        // the job runs, finishes, and 0.2 s later the housekeeping removes it (it may be gone before a poll sees it finished)
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!harness.askel.listJobs().list(WorkspaceIds.DEFAULT, Optional.empty(), 10).isEmpty()) {
            assertThat(System.nanoTime()).as("purged in time").isLessThan(deadline);
            Thread.sleep(50);
        }
        assertThat(harness.rows("job_item")).isZero();
        assertThat(sandbox.findPageId("INFRA", "Old 0")).as("it ran before it was purged").isPresent();
    }
}
