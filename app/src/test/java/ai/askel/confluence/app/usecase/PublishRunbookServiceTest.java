package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.BodyRepresentation;
import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.domain.DriftPolicy;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.PageBody;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.PublishAction;
import ai.askel.confluence.domain.PublishSource;
import ai.askel.confluence.domain.Runbook;
import ai.askel.confluence.domain.RunbookSource;
import ai.askel.confluence.domain.RunbookStatus;
import ai.askel.confluence.domain.TemplateRef;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.error.ConflictException;
import ai.askel.confluence.domain.error.ConfluenceUnavailableException;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.PublishOutcome;
import ai.askel.confluence.ports.in.PublishResult;
import ai.askel.confluence.ports.in.PublishRunbookCommand;
import ai.askel.confluence.ports.out.AttachmentUpload;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ManagedPage;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublishRunbookServiceTest {
    private static final String TITLE = "Crestview Production";
    private static final String PARENT = "Customer Environments";

    private final UseCaseFixture f = new UseCaseFixture();
    private final ConnectionRef ref = f.connection();
    private final PublishRunbookService publisher = f.publisher();

    private static Map<String, Object> inputs() {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("environment", "production");
        inputs.put("endpoint", "https://api.crestview.example");
        return inputs;
    }

    private static AttachmentUpload attachment(String name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new AttachmentUpload(name, "image/png", bytes.length, () -> new ByteArrayInputStream(bytes), Optional.empty(), false);
    }

    private PublishRunbookCommand command(Map<String, Object> inputs, List<AttachmentUpload> attachments, DriftPolicy onDrift, boolean dryRun) {
        return new PublishRunbookCommand(ref, SpaceKey.of("OPS"), Optional.empty(), Title.of(TITLE), "test-runbook",
                new TemplateInputs(inputs), Optional.of(Set.of(Label.of("auto-generated"), Label.of("customer-runbook"))),
                attachments, onDrift, dryRun);
    }

    private PublishRunbookCommand command() {
        return command(inputs(), List.of(), DriftPolicy.FAIL, false);
    }

    private PublishRunbookCommand changed(DriftPolicy onDrift) {
        return command(changedInputs(), List.of(), onDrift, false);
    }

    private Map<String, Object> changedInputs() {
        Map<String, Object> inputs = inputs();
        inputs.put("steps", List.of("drain the queue", "restart"));
        return inputs;
    }

    private PageId seedParent() {
        return f.confluence.seedPage("OPS", PARENT, Optional.empty(), "<p>our customers</p>");
    }

    private void warmSpaceCache() {
        f.confluence.findSpace(ConfluenceAccess.of(f.lookup.connection(ref)), SpaceKey.of("OPS"));
        f.confluence.resetCounts();
    }

    private FakeConfluence.StoredPage onlyRunbookPage() {
        List<FakeConfluence.StoredPage> pages = f.confluence.pagesTitled("OPS", TITLE);
        assertThat(pages).hasSize(1);
        return pages.get(0);
    }

    @Test
    void first_publish_creates_the_parent_and_the_page_and_records_them() {
        PublishResult result = publisher.publish(command(inputs(), List.of(attachment("diagram.png", "png-bytes")), DriftPolicy.FAIL, false));

        assertThat(result.outcome()).isEqualTo(PublishOutcome.CREATED);
        assertThat(result.plan().createParent()).isTrue();
        FakeConfluence.StoredPage page = onlyRunbookPage();
        FakeConfluence.StoredPage parent = f.confluence.pagesTitled("OPS", PARENT).get(0);
        assertThat(page.parentId).contains(parent.id);
        assertThat(result.pageId()).contains(page.id);
        assertThat(page.body()).contains("production").contains("ri:filename=\"diagram.png\"");
        assertThat(page.labels).extracting(Label::name).containsExactlyInAnyOrder("auto-generated", "customer-runbook", "runbook");
        assertThat(page.attachmentBytes.get("diagram.png")).asString(StandardCharsets.UTF_8).isEqualTo("png-bytes");

        Runbook runbook = f.runbooks.findByTarget(ref.connection(), SpaceKey.of("OPS"), Title.of(TITLE)).orElseThrow();
        assertThat(runbook.pageId()).contains(page.id);
        assertThat(runbook.published().orElseThrow().attachments()).singleElement()
                .satisfies(a -> assertThat(a.fileName()).isEqualTo("diagram.png"));
        assertThat(f.managedPages.listByConnection(ref.connection())).extracting(ManagedPage::role)
                .containsExactlyInAnyOrder(ManagedPage.Role.PARENT, ManagedPage.Role.RUNBOOK);
        assertThat(f.auditLog.all()).anySatisfy(e -> {
            assertThat(e.operation()).isEqualTo("runbook.publish");
            assertThat(e.outcome()).isEqualTo("created");
            assertThat(e.page()).contains(page.id);
        }).allSatisfy(e -> assertThat(e.toString()).doesNotContain("production").doesNotContain(UseCaseFixture.TOKEN));
    }

    @Test
    void a_first_publish_writes_the_runbook_row_twice_its_insert_and_its_published_state() {
        publisher.publish(command(inputs(), List.of(attachment("diagram.png", "png")), DriftPolicy.FAIL, false));

        // each write is a durable commit: the row it inserted needs no claim before the create
        assertThat(f.runbooks.inserts.get()).isEqualTo(1);
        assertThat(f.runbooks.writes.get()).isEqualTo(2);
        assertThat(f.runbooks.findByTarget(ref.connection(), SpaceKey.of("OPS"), Title.of(TITLE)).orElseThrow().status())
                .isEqualTo(RunbookStatus.PUBLISHED);
    }

    @Test
    void a_publish_that_writes_saves_its_audit_event_in_the_commit_of_its_published_state() {
        publisher.publish(command(inputs(), List.of(attachment("diagram.png", "png")), DriftPolicy.FAIL, false));
        Map<String, Object> changed = new HashMap<>(inputs());
        changed.put("environment", "production-eu");
        publisher.publish(command(changed, List.of(attachment("diagram.png", "png")), DriftPolicy.FAIL, false));

        assertThat(f.auditLog.all()).extracting(e -> e.operation() + " " + e.outcome())
                .containsExactly("runbook.publish created", "runbook.publish updated");
        assertThat(f.auditLog.appends.get()).as("events appended in a commit of their own").isZero();
    }

    @Test
    void an_unchanged_republish_saves_no_state_and_appends_its_audit_event_alone() {
        publisher.publish(command(inputs(), List.of(attachment("diagram.png", "png")), DriftPolicy.FAIL, false));

        publisher.publish(command(inputs(), List.of(attachment("diagram.png", "png")), DriftPolicy.FAIL, false));

        assertThat(f.auditLog.all()).extracting(e -> e.operation() + " " + e.outcome())
                .containsExactly("runbook.publish created", "runbook.publish unchanged");
        assertThat(f.auditLog.appends.get()).isEqualTo(1);
    }

    @Test
    void a_first_publish_whose_insert_finds_the_row_another_process_inserted_claims_it_before_creating() {
        Runbook[] other = new Runbook[1];
        f.runbooks.beforeInsert = () -> {
            f.runbooks.beforeInsert = () -> { };
            other[0] = f.runbooks.insertOrGet(Runbook.create(ref.workspace(), ref.connection(), SpaceKey.of("OPS"), Title.of(PARENT),
                    Title.of(TITLE), new RunbookSource.Template(new TemplateRef("test-runbook", "1"), new TemplateInputs(inputs())), Set.of()));
        };
        long[] revisionAtCreate = new long[1];
        f.confluence.beforeEachCall(op -> {
            if (op.equals("pages.create") && revisionAtCreate[0] == 0) {
                revisionAtCreate[0] = f.runbooks.find(ref.workspace(), other[0].id()).orElseThrow().revision();
            }
        });

        PublishResult result = publisher.publish(command(inputs(), List.of(), DriftPolicy.FAIL, false));

        assertThat(result.runbook()).contains(other[0].id());
        assertThat(revisionAtCreate[0]).as("the row's revision when the runbook page was created").isGreaterThan(other[0].revision());
        assertThat(f.runbooks.findByTarget(ref.connection(), SpaceKey.of("OPS"), Title.of(TITLE)).orElseThrow().status())
                .isEqualTo(RunbookStatus.PUBLISHED);
    }

    @Test
    void first_publish_with_the_parent_found_by_title_one_attachment_and_labels_takes_four_calls() {
        seedParent();
        warmSpaceCache();

        publisher.publish(command(inputs(), List.of(attachment("diagram.png", "png")), DriftPolicy.FAIL, false));

        assertThat(f.confluence.callLog()).containsExactly("pages.findByTitle", "pages.create", "labels.add", "attachments.upload");
    }

    @Test
    void first_publish_under_a_recorded_parent_with_one_attachment_and_labels_checks_the_parent_and_takes_four_calls() {
        seedParent();
        publisher.publish(new PublishRunbookCommand(ref, SpaceKey.of("OPS"), Optional.empty(), Title.of("Another Production"),
                "test-runbook", new TemplateInputs(inputs()), Optional.empty(), List.of(), DriftPolicy.FAIL, false));
        warmSpaceCache();

        publisher.publish(command(inputs(), List.of(attachment("diagram.png", "png")), DriftPolicy.FAIL, false));

        assertThat(f.confluence.callLog()).containsExactly("pages.read", "pages.create", "labels.add", "attachments.upload");
    }

    @Test
    void republishing_unchanged_content_makes_no_write_and_at_most_two_calls() {
        publisher.publish(command(inputs(), List.of(attachment("diagram.png", "png")), DriftPolicy.FAIL, false));
        f.confluence.resetCounts();
        int runbookWrites = f.runbooks.writes.get();
        int inserts = f.runbooks.inserts.get();
        int lookups = f.runbooks.targetLookups.get();

        PublishResult again = publisher.publish(command(inputs(), List.of(attachment("diagram.png", "png")), DriftPolicy.FAIL, false));

        assertThat(again.outcome()).isEqualTo(PublishOutcome.UNCHANGED);
        assertThat(again.plan().action()).isEqualTo(PublishAction.NO_OP);
        assertThat(f.confluence.writes()).isZero();
        assertThat(f.confluence.calls()).as(f.confluence.callLog().toString()).isLessThanOrEqualTo(2);
        assertThat(f.confluence.callLog()).containsExactly("pages.read");
        assertThat(f.runbooks.writes.get()).isEqualTo(runbookWrites);
        assertThat(f.runbooks.inserts.get()).as("a stored runbook is read again, not inserted (a failing INSERT)").isEqualTo(inserts);
        assertThat(f.runbooks.targetLookups.get() - lookups).as("the stored runbook is read once, in the publish's turn").isEqualTo(1);
        assertThat(onlyRunbookPage().version()).isEqualTo(1);
    }

    @Test
    void a_publish_reads_the_drift_findings_of_its_own_pages_not_every_finding_of_the_connection() {
        seedParent();
        publisher.publish(new PublishRunbookCommand(ref, SpaceKey.of("OPS"), Optional.empty(), Title.of("Another Production"),
                "test-runbook", new TemplateInputs(inputs()), Optional.empty(), List.of(), DriftPolicy.FAIL, false));
        ConnectionId connection = f.lookup.connection(ref).id();
        for (int i = 0; i < 50; i++) {
            f.findings.recordSeen(DriftFinding.seen(connection, Optional.of(PageId.of("9" + i)), DriftKind.ATTACHMENT_MISSING,
                    "diagram.png", f.clock.now()));
        }
        int lists = f.findings.connectionWideLists.get();

        publisher.publish(command(inputs(), List.of(attachment("diagram.png", "png")), DriftPolicy.FAIL, false));
        PublishResult again = publisher.publish(command(inputs(), List.of(attachment("diagram.png", "png")), DriftPolicy.FAIL, false));

        assertThat(again.outcome()).as("findings about other pages do not concern this one").isEqualTo(PublishOutcome.UNCHANGED);
        assertThat(f.findings.connectionWideLists.get() - lists).isZero();
    }

    @Test
    void a_changed_body_is_one_update_in_at_most_three_calls() {
        PublishResult first = publisher.publish(command());
        f.confluence.resetCounts();

        PublishResult second = publisher.publish(changed(DriftPolicy.FAIL));

        assertThat(second.outcome()).isEqualTo(PublishOutcome.UPDATED);
        assertThat(second.pageId()).isEqualTo(first.pageId());
        assertThat(f.confluence.calls()).as(f.confluence.callLog().toString()).isLessThanOrEqualTo(3);
        assertThat(f.confluence.callLog()).containsExactly("pages.read", "pages.write");
        FakeConfluence.StoredPage page = onlyRunbookPage();
        assertThat(page.version()).isEqualTo(2);
        assertThat(page.body()).contains("drain the queue");
        assertThat(f.runbooks.findByTarget(ref.connection(), SpaceKey.of("OPS"), Title.of(TITLE)).orElseThrow()
                .published().orElseThrow().version().number()).isEqualTo(2);
    }

    @Test
    void publishing_twice_gives_one_page() {
        PublishResult first = publisher.publish(command());
        PublishResult second = publisher.publish(command());

        assertThat(second.pageId()).isEqualTo(first.pageId());
        assertThat(f.confluence.pagesTitled("OPS", TITLE)).hasSize(1);
        assertThat(f.confluence.pagesTitled("OPS", PARENT)).hasSize(1);
        assertThat(f.runbooks.count()).isEqualTo(1);
    }

    @Test
    void a_create_whose_response_was_lost_is_recovered_by_title_without_a_second_post() {
        seedParent();
        f.confluence.loseNextResponse("pages.create");

        PublishResult result = publisher.publish(command());

        assertThat(f.confluence.calls("pages.create")).isEqualTo(1);
        FakeConfluence.StoredPage page = onlyRunbookPage();
        assertThat(result.pageId()).contains(page.id);
        assertThat(result.outcome()).isEqualTo(PublishOutcome.CREATED);
        assertThat(page.version()).as("the recovered page already holds the body: no update").isEqualTo(1);
        assertThat(page.labels).isNotEmpty();
    }

    @Test
    void a_create_that_failed_before_taking_effect_is_retried_once_after_the_lookup_found_nothing() {
        seedParent();
        f.confluence.failNext("pages.create", new ConfluenceUnavailableException("502 Bad Gateway", "trace-502", null));

        PublishResult result = publisher.publish(command());

        assertThat(f.confluence.calls("pages.create")).isEqualTo(2);
        assertThat(f.confluence.callLog()).containsSubsequence("pages.create", "pages.findByTitle", "pages.create");
        assertThat(result.pageId()).contains(onlyRunbookPage().id);
    }

    @Test
    void a_publish_interrupted_after_the_create_completes_on_the_next_run_without_duplicates() {
        seedParent();
        f.confluence.failNext("labels.add", new ConfluenceUnavailableException("503", "trace-503", null));
        assertThatThrownBy(() -> publisher.publish(command())).isInstanceOf(ConfluenceUnavailableException.class);

        PublishResult rerun = publisher.publish(command());

        FakeConfluence.StoredPage page = onlyRunbookPage();
        assertThat(rerun.pageId()).contains(page.id);
        assertThat(page.version()).isEqualTo(1);
        assertThat(page.labels).extracting(Label::name).contains("auto-generated", "customer-runbook");
        assertThat(f.runbooks.findByTarget(ref.connection(), SpaceKey.of("OPS"), Title.of(TITLE)).orElseThrow().pageId()).contains(page.id);
    }

    @RepeatedTest(5)
    void concurrent_publishes_of_the_same_runbook_yield_one_page() throws Exception {
        publishConcurrently(4);
    }

    @RepeatedTest(3)
    void concurrent_publishes_yield_one_page_when_confluence_refuses_a_taken_title_with_400() throws Exception {
        f.confluence.refuseDuplicateTitlesAsBadRequest();
        publishConcurrently(3);
    }

    private void publishConcurrently(int threads) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        f.confluence.beforeEachCall(op -> {
            if (op.equals("pages.findByTitle") || op.equals("pages.create")) {
                sleep(15); // widen the window between looking and creating
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<PublishResult>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return publisher.publish(command());
                }));
            }
            start.countDown();
            List<PublishResult> results = new ArrayList<>();
            for (Future<PublishResult> future : futures) {
                results.add(future.get(20, TimeUnit.SECONDS));
            }
            FakeConfluence.StoredPage page = onlyRunbookPage();
            assertThat(results).extracting(PublishResult::pageId).containsOnly(Optional.of(page.id));
            assertThat(f.confluence.pagesTitled("OPS", PARENT)).hasSize(1);
            assertThat(f.runbooks.count()).isEqualTo(1);
            assertThat(f.runbooks.findByTarget(ref.connection(), SpaceKey.of("OPS"), Title.of(TITLE)).orElseThrow().pageId())
                    .contains(page.id);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void an_update_racing_a_concurrent_publish_of_the_same_content_re_evaluates_instead_of_failing() {
        PublishResult first = publisher.publish(command());
        String rendered = publisher.publish(command(changedInputs(), List.of(), DriftPolicy.FAIL, true))
                .plan().renderedBody();
        PageId id = first.pageId().orElseThrow();
        java.util.concurrent.atomic.AtomicBoolean raced = new java.util.concurrent.atomic.AtomicBoolean();
        f.confluence.beforeEachCall(op -> {
            if (op.equals("pages.write") && raced.compareAndSet(false, true)) {
                f.confluence.editInConfluence(id, rendered); // another instance published the same change first
            }
        });

        PublishResult result = publisher.publish(changed(DriftPolicy.FAIL));

        assertThat(result.pageId()).contains(id);
        FakeConfluence.StoredPage page = onlyRunbookPage();
        assertThat(page.version()).as("our update was refused; nothing was overwritten").isEqualTo(2);
        assertThat(f.runbooks.findByTarget(ref.connection(), SpaceKey.of("OPS"), Title.of(TITLE)).orElseThrow()
                .published().orElseThrow().version().number()).isEqualTo(2);
    }

    @Test
    void given_a_hand_edit_when_the_policy_is_fail_then_nothing_is_overwritten_and_the_error_describes_the_drift() {
        PublishResult first = publisher.publish(command());
        PageId id = first.pageId().orElseThrow();
        f.confluence.editInConfluence(id, "<p>fixed by hand</p>");
        f.confluence.resetCounts();

        assertThatThrownBy(() -> publisher.publish(changed(DriftPolicy.FAIL)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DRIFT_DETECTED);
                    assertThat(e.getMessage()).contains(id.value()).contains("version 2").contains("nothing was overwritten");
                });
        assertThat(f.confluence.writes()).isZero();
        assertThat(onlyRunbookPage().body()).isEqualTo("<p>fixed by hand</p>");
    }

    @Test
    void a_refused_publish_advises_only_actions_that_unblock_it_and_says_acknowledging_only_mutes() {
        PublishResult first = publisher.publish(command());
        f.confluence.editInConfluence(first.pageId().orElseThrow(), "<p>fixed by hand</p>");
        DriftFinding edit = f.drift().scan(ref).get(0);
        f.acknowledgeDrift().acknowledge(ref, edit.id().orElseThrow());

        assertThatThrownBy(() -> publisher.publish(command()))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.code()).as("an acknowledged finding still refuses the publish").isEqualTo(ErrorCode.DRIFT_DETECTED);
                    assertThat(e.getMessage()).contains("overwrite or adopt").contains("acknowledging it only mutes the report")
                            .doesNotContain("adopt or acknowledge");
                });
    }

    @Test
    void given_a_hand_edit_when_the_policy_is_fail_then_even_an_unchanged_republish_reports_it() {
        PublishResult first = publisher.publish(command());
        f.confluence.editInConfluence(first.pageId().orElseThrow(), "<p>fixed by hand</p>");

        assertThatThrownBy(() -> publisher.publish(command()))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DRIFT_DETECTED));
        assertThat(onlyRunbookPage().body()).isEqualTo("<p>fixed by hand</p>");
    }

    @Test
    void given_a_hand_edit_when_the_policy_is_overwrite_then_the_page_is_replaced_and_the_override_reported() {
        PublishResult first = publisher.publish(command());
        f.confluence.editInConfluence(first.pageId().orElseThrow(), "<p>fixed by hand</p>");

        PublishResult result = publisher.publish(changed(DriftPolicy.OVERWRITE));

        assertThat(result.outcome()).isEqualTo(PublishOutcome.UPDATED);
        assertThat(result.driftOverridden()).singleElement().satisfies(d -> assertThat(d.detail()).contains("edited"));
        FakeConfluence.StoredPage page = onlyRunbookPage();
        assertThat(page.version()).isEqualTo(3);
        assertThat(page.body()).contains("drain the queue");
        assertThat(f.auditLog.all()).anySatisfy(e -> assertThat(e.outcome()).contains("overwrote"));
    }

    @Test
    void an_overwrite_publish_reports_the_open_finding_it_resolved_by_its_id_and_first_seen_time() {
        PublishResult first = publisher.publish(command());
        f.confluence.editInConfluence(first.pageId().orElseThrow(), "<p>fixed by hand</p>");
        DriftFinding found = f.drift().scan(ref).get(0);
        f.clock.advance(java.time.Duration.ofMinutes(5));

        PublishResult result = publisher.publish(command(inputs(), List.of(), DriftPolicy.OVERWRITE, false));

        assertThat(result.driftOverridden()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(found.id());
            assertThat(d.firstSeen()).isEqualTo(found.firstSeen());
            assertThat(d.kind()).isEqualTo(DriftKind.EDITED_IN_CONFLUENCE);
        });
        assertThat(f.findings.find(ref.connection(), found.id().orElseThrow()).orElseThrow().resolvedAt()).isPresent();
    }

    @Test
    void given_a_hand_edit_when_the_policy_is_skip_then_the_page_is_left_alone() {
        PublishResult first = publisher.publish(command());
        f.confluence.editInConfluence(first.pageId().orElseThrow(), "<p>fixed by hand</p>");
        f.confluence.resetCounts();

        PublishResult result = publisher.publish(changed(DriftPolicy.SKIP));

        assertThat(result.outcome()).isEqualTo(PublishOutcome.SKIPPED);
        assertThat(f.confluence.writes()).isZero();
        assertThat(onlyRunbookPage().body()).isEqualTo("<p>fixed by hand</p>");
    }

    @Test
    void a_page_renamed_in_confluence_is_drift_and_overwrite_restores_the_title() {
        PublishResult first = publisher.publish(command());
        f.confluence.rename(first.pageId().orElseThrow(), "Crestview (renamed by hand)");

        assertThatThrownBy(() -> publisher.publish(command()))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DRIFT_DETECTED);
                    assertThat(e.getMessage()).contains("renamed to 'Crestview (renamed by hand)'");
                });

        PublishResult result = publisher.publish(command(inputs(), List.of(), DriftPolicy.OVERWRITE, false));

        assertThat(result.driftOverridden()).singleElement().satisfies(d -> assertThat(d.kind()).isEqualTo(DriftKind.RENAMED));
        assertThat(onlyRunbookPage().id).isEqualTo(first.pageId().orElseThrow());
    }

    @Test
    void a_dry_run_reports_drift_under_the_fail_policy_and_writes_nothing() {
        PublishResult first = publisher.publish(command());
        f.confluence.editInConfluence(first.pageId().orElseThrow(), "<p>fixed by hand</p>");
        f.confluence.resetCounts();

        assertThatThrownBy(() -> publisher.publish(command(changedInputs(), List.of(), DriftPolicy.FAIL, true)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DRIFT_DETECTED));
        PublishResult overwrite = publisher.publish(command(changedInputs(), List.of(), DriftPolicy.OVERWRITE, true));

        assertThat(overwrite.plan().action()).isEqualTo(PublishAction.UPDATE);
        assertThat(f.confluence.writes()).isZero();
        assertThat(onlyRunbookPage().body()).isEqualTo("<p>fixed by hand</p>");
    }

    @Test
    void a_managed_label_removed_in_confluence_is_drift_refused_by_fail_left_by_skip_and_re_added_by_overwrite_also_in_a_dry_run() {
        PublishResult first = publisher.publish(command());
        PageId page = first.pageId().orElseThrow();
        f.confluence.removeLabelByHand(page, "customer-runbook");

        assertThatThrownBy(() -> publisher.publish(command()))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DRIFT_DETECTED);
                    assertThat(e.getMessage()).contains("customer-runbook").contains("nothing was overwritten");
                });
        assertThatThrownBy(() -> publisher.publish(command(inputs(), List.of(), DriftPolicy.FAIL, true)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.getMessage()).contains("customer-runbook"));
        PublishResult skipPlan = publisher.publish(command(inputs(), List.of(), DriftPolicy.SKIP, true));
        assertThat(skipPlan.plan().action()).isEqualTo(PublishAction.NO_OP);
        assertThat(skipPlan.plan().labelsToAdd()).isEmpty();
        assertThat(publisher.publish(command(inputs(), List.of(), DriftPolicy.SKIP, false)).outcome()).isEqualTo(PublishOutcome.SKIPPED);
        assertThat(f.confluence.page(page).orElseThrow().labels).doesNotContain(Label.of("customer-runbook"));

        PublishResult overwritten = publisher.publish(command(inputs(), List.of(), DriftPolicy.OVERWRITE, false));

        assertThat(overwritten.driftOverridden()).singleElement().satisfies(d -> assertThat(d.kind()).isEqualTo(DriftKind.LABELS_REMOVED));
        assertThat(overwritten.plan().labelsToAdd()).containsExactly(Label.of("customer-runbook"));
        assertThat(f.confluence.page(page).orElseThrow().labels).contains(Label.of("customer-runbook"));
    }

    @Test
    void confluence_re_serialising_the_same_content_is_not_drift() {
        PublishResult first = publisher.publish(command());
        String published = onlyRunbookPage().body();
        f.confluence.editInConfluence(first.pageId().orElseThrow(), published.replace("</h1>", "</h1>\n  ").replace("<p>", "<p> "));

        PublishResult result = publisher.publish(changed(DriftPolicy.FAIL));

        assertThat(result.outcome()).isEqualTo(PublishOutcome.UPDATED);
        assertThat(onlyRunbookPage().body()).contains("drain the queue");
    }

    @Test
    void a_dry_run_returns_the_plan_and_writes_nothing_anywhere() {
        PublishResult plan = publisher.publish(command(inputs(), List.of(attachment("diagram.png", "png")), DriftPolicy.FAIL, true));

        assertThat(plan.outcome()).isEqualTo(PublishOutcome.PLANNED);
        assertThat(plan.plan().action()).isEqualTo(PublishAction.CREATE);
        assertThat(plan.plan().createParent()).isTrue();
        assertThat(plan.plan().renderedBody()).contains("production");
        assertThat(plan.plan().labelsToAdd()).extracting(Label::name).containsExactlyInAnyOrder("auto-generated", "customer-runbook", "runbook");
        assertThat(plan.plan().attachmentsToUpload()).containsExactly("diagram.png");
        assertThat(f.confluence.writes()).isZero();
        assertThat(f.confluence.pageCount()).isZero();
        assertThat(f.runbooks.writes.get()).isZero();
        assertThat(f.managedPages.writes.get()).isZero();
        assertThat(f.auditLog.all()).isEmpty();
    }

    @Test
    void a_dry_run_of_a_changed_runbook_plans_an_update_and_writes_nothing() {
        publisher.publish(command());
        int runbookWrites = f.runbooks.writes.get();
        f.confluence.resetCounts();

        PublishResult plan = publisher.publish(command(changedInputs(), List.of(), DriftPolicy.FAIL, true));

        assertThat(plan.plan().action()).isEqualTo(PublishAction.UPDATE);
        assertThat(plan.plan().labelsToAdd()).isEmpty();
        assertThat(f.confluence.writes()).isZero();
        assertThat(f.runbooks.writes.get()).isEqualTo(runbookWrites);
        assertThat(onlyRunbookPage().version()).isEqualTo(1);
    }

    @Test
    void bad_input_lists_every_problem_and_nothing_is_written_or_called() {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("endpoint", "ftp://files.example");
        inputs.put("replicas", "three");
        inputs.put("colour", "blue");
        inputs.put("contacts", List.of(Map.of("name", "Ada", "role", 7)));

        assertThatThrownBy(() -> publisher.publish(command(inputs, List.of(), DriftPolicy.FAIL, false)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.Problem::field)
                        .containsExactlyInAnyOrder("inputs.environment", "inputs.endpoint", "inputs.replicas", "inputs.contacts[0].role",
                                "inputs.colour"));
        assertThat(f.confluence.calls()).isZero();
        assertThat(f.runbooks.count()).isZero();
        assertThat(f.managedPages.writes.get()).isZero();
    }

    private PublishRunbookCommand labelled(int count) {
        Set<Label> labels = java.util.stream.IntStream.rangeClosed(1, count).mapToObj(i -> Label.of("label-" + i))
                .collect(java.util.stream.Collectors.toSet());
        return new PublishRunbookCommand(ref, SpaceKey.of("OPS"), Optional.empty(), Title.of(TITLE), "test-runbook",
                new TemplateInputs(inputs()), Optional.of(labels), List.of(), DriftPolicy.FAIL, false);
    }

    @Test
    void labels_that_reach_the_most_with_the_templates_default_label_are_published() {
        publisher.publish(labelled(Label.MAX_PER_REQUEST - 1));

        assertThat(onlyRunbookPage().labels).hasSize(Label.MAX_PER_REQUEST).contains(Label.of("runbook"));
    }

    @Test
    void labels_that_pass_the_most_only_with_the_templates_default_label_are_refused_before_any_call() {
        assertThatThrownBy(() -> publisher.publish(labelled(Label.MAX_PER_REQUEST)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.Problem::field).containsExactly("labels"))
                .hasMessage("labels: at most 50 labels, got 51: 50 given and 1 more from the default labels of template 'test-runbook'");
        assertThat(f.confluence.calls()).isZero();
        assertThat(f.runbooks.count()).isZero();
    }

    @Test
    void an_unknown_template_is_named_with_the_known_ones_before_any_call() {
        PublishRunbookCommand command = new PublishRunbookCommand(ref, SpaceKey.of("OPS"), Optional.empty(), Title.of(TITLE), "nope",
                new TemplateInputs(inputs()), Optional.empty(), List.of(), DriftPolicy.FAIL, false);

        assertThatThrownBy(() -> publisher.publish(command)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'nope'").hasMessageContaining("broken, test-runbook");
        assertThat(f.confluence.calls()).isZero();
    }

    @Test
    void a_template_rendering_invalid_storage_format_is_a_template_error_before_any_call() {
        PublishRunbookCommand command = new PublishRunbookCommand(ref, SpaceKey.of("OPS"), Optional.empty(), Title.of(TITLE), "broken",
                TemplateInputs.empty(), Optional.empty(), List.of(), DriftPolicy.FAIL, false);

        assertThatThrownBy(() -> publisher.publish(command))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TEMPLATE_ERROR));
        assertThat(f.confluence.calls()).isZero();
    }

    @Test
    void an_attachment_over_the_maximum_is_refused_before_any_call() {
        UseCaseFixture small = new UseCaseFixture(UseCaseSettings.defaults().withMaxAttachmentBytes(4));
        ConnectionRef smallRef = small.connection();
        PublishRunbookCommand command = new PublishRunbookCommand(smallRef, SpaceKey.of("OPS"), Optional.empty(), Title.of(TITLE),
                "test-runbook", new TemplateInputs(inputs()), Optional.empty(), List.of(attachment("big.png", "12345")), DriftPolicy.FAIL, false);

        assertThatThrownBy(() -> small.publisher().publish(command))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE));
        assertThat(small.confluence.calls()).isZero();
    }

    @Test
    void only_changed_attachments_are_uploaded_again() {
        publisher.publish(command(inputs(), List.of(attachment("a.png", "one"), attachment("b.png", "two")), DriftPolicy.FAIL, false));
        f.confluence.resetCounts();

        publisher.publish(command(inputs(), List.of(attachment("a.png", "one"), attachment("b.png", "TWO")), DriftPolicy.FAIL, false));

        assertThat(f.confluence.calls("attachments.upload")).isEqualTo(1);
        FakeConfluence.StoredPage page = onlyRunbookPage();
        assertThat(page.attachmentBytes.get("b.png")).asString(StandardCharsets.UTF_8).isEqualTo("TWO");
        assertThat(page.attachments.get("b.png").version().number()).isEqualTo(2);
        assertThat(page.version()).as("the body did not change").isEqualTo(1);
    }

    @Test
    void a_missing_space_is_a_clear_not_found_and_nothing_is_written() {
        PublishRunbookCommand command = new PublishRunbookCommand(ref, SpaceKey.of("NOPE"), Optional.empty(), Title.of(TITLE),
                "test-runbook", new TemplateInputs(inputs()), Optional.empty(), List.of(), DriftPolicy.FAIL, false);

        assertThatThrownBy(() -> publisher.publish(command)).isInstanceOf(NotFoundException.class).hasMessageContaining("space NOPE");
        assertThat(f.confluence.writes()).isZero();
        assertThat(f.runbooks.count()).isZero();
    }

    @Test
    void a_page_with_the_title_elsewhere_in_the_space_is_not_adopted() {
        seedParent();
        PageId other = f.confluence.seedPage("OPS", "Somewhere else", Optional.empty(), "<p>x</p>");
        f.confluence.seedPage("OPS", TITLE, Optional.of(other), "<p>someone else's page</p>");

        assertThatThrownBy(() -> publisher.publish(command())).isInstanceOf(ConflictException.class).hasMessageContaining("not under");
        assertThat(f.confluence.calls("pages.update")).isZero();
        assertThat(onlyRunbookPage().body()).isEqualTo("<p>someone else's page</p>");
    }

    @Test
    void a_page_with_the_title_under_the_parent_that_the_connections_account_wrote_is_taken_over_on_the_first_publish() {
        PageId parent = seedParent();
        PageId existing = f.confluence.seedPage("OPS", TITLE, Optional.of(parent), "<p>old runbook</p>", UseCaseFixture.ACCOUNT);

        PublishResult result = publisher.publish(command());

        assertThat(result.pageId()).contains(existing);
        assertThat(result.outcome()).isEqualTo(PublishOutcome.UPDATED);
        assertThat(result.driftOverridden()).isEmpty();
        assertThat(onlyRunbookPage().body()).contains("production");
    }

    @Test
    void a_persons_page_with_the_title_under_the_parent_is_not_overwritten_by_a_first_publish_unless_asked() {
        PageId parent = seedParent();
        PageId persons = f.confluence.seedPage("OPS", TITLE, Optional.of(parent), "<p>Bob's notes</p>");

        assertThatThrownBy(() -> publisher.publish(command())).isInstanceOf(ConnectorException.class)
                .satisfies(e -> assertThat(((ConnectorException) e).code()).isEqualTo(ErrorCode.DRIFT_DETECTED))
                .hasMessageContaining("page %s '%s' already exists".formatted(persons, TITLE))
                .hasMessageContaining("not written by this connection's account").hasMessageContaining("nothing was overwritten");
        assertThat(f.confluence.calls("pages.update")).isZero();
        assertThat(onlyRunbookPage().body()).isEqualTo("<p>Bob's notes</p>");
        PublishResult skipped = publisher.publish(command(inputs(), List.of(), DriftPolicy.SKIP, false));
        PublishResult skippedDryRun = publisher.publish(command(inputs(), List.of(), DriftPolicy.SKIP, true));
        assertThat(skipped.outcome()).isEqualTo(PublishOutcome.SKIPPED);
        assertThat(skipped.pageId()).as("the person's page is not the runbook's").isEmpty();
        assertThat(skippedDryRun.pageId()).isEmpty();
        assertThat(onlyRunbookPage().body()).isEqualTo("<p>Bob's notes</p>");

        PublishResult overwritten = publisher.publish(command(inputs(), List.of(), DriftPolicy.OVERWRITE, false));

        assertThat(overwritten.pageId()).contains(persons);
        assertThat(overwritten.outcome()).isEqualTo(PublishOutcome.UPDATED);
        assertThat(overwritten.driftOverridden()).singleElement().satisfies(d -> assertThat(d.kind()).isEqualTo(DriftKind.EDITED_IN_CONFLUENCE));
        assertThat(onlyRunbookPage().body()).contains("production");
    }

    @Test
    void a_page_under_the_parent_that_already_shows_the_runbook_is_adopted_unchanged_without_a_new_version() {
        PageId parent = seedParent();
        String rendered = publisher.publish(command(inputs(), List.of(), DriftPolicy.FAIL, true)).plan().renderedBody();
        PageId existing = f.confluence.seedPage("OPS", TITLE, Optional.of(parent), rendered);

        PublishResult result = publisher.publish(command());

        assertThat(result.pageId()).contains(existing);
        assertThat(result.outcome()).isEqualTo(PublishOutcome.UNCHANGED);
        assertThat(result.plan().action()).isEqualTo(PublishAction.NO_OP);
        assertThat(f.confluence.calls("pages.update")).isZero();
        assertThat(f.confluence.page(existing).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void a_recorded_parent_deleted_in_confluence_is_created_again_for_a_new_runbook() {
        PublishResult first = publisher.publish(command());
        PageId oldParent = f.confluence.page(first.pageId().orElseThrow()).orElseThrow().parentId.orElseThrow();
        f.confluence.delete(oldParent);

        PublishResult other = publisher.publish(new PublishRunbookCommand(ref, SpaceKey.of("OPS"), Optional.empty(), Title.of("Crestview Staging"),
                "test-runbook", new TemplateInputs(inputs()), Optional.empty(), List.of(), DriftPolicy.FAIL, false));

        FakeConfluence.StoredPage parent = f.confluence.pagesTitled("OPS", PARENT).get(0);
        assertThat(parent.id).isNotEqualTo(oldParent);
        assertThat(f.confluence.page(other.pageId().orElseThrow()).orElseThrow().parentId).contains(parent.id);
        assertThat(f.managedPages.findByTitle(ref.connection(), SpaceKey.of("OPS"), Title.of(PARENT)).orElseThrow().pageId()).isEqualTo(parent.id);
    }

    @Test
    void a_page_deleted_in_confluence_fails_by_default_and_is_created_again_with_overwrite() {
        PublishResult first = publisher.publish(command());
        f.confluence.delete(first.pageId().orElseThrow());

        assertThatThrownBy(() -> publisher.publish(command()))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DRIFT_DETECTED));
        assertThat(f.confluence.pagesTitled("OPS", TITLE)).isEmpty();

        PublishResult again = publisher.publish(command(inputs(), List.of(), DriftPolicy.OVERWRITE, false));

        assertThat(again.outcome()).isEqualTo(PublishOutcome.CREATED);
        assertThat(again.pageId()).contains(onlyRunbookPage().id).isNotEqualTo(first.pageId());
        assertThat(f.runbooks.findByTarget(ref.connection(), SpaceKey.of("OPS"), Title.of(TITLE)).orElseThrow().pageId())
                .isEqualTo(again.pageId());
        assertThat(again.driftOverridden()).extracting(DriftFinding::kind).containsExactly(DriftKind.DELETED);
        // the event of the page created again says what it overwrote: the deletion
        assertThat(f.auditLog.all().get(f.auditLog.all().size() - 1).outcome())
                .startsWith("created (overwrote what changed in Confluence: " + DriftKind.DELETED);
    }

    @Test
    void another_workspace_cannot_publish_through_the_connection() {
        ConnectionRef foreign = new ConnectionRef(ai.askel.confluence.domain.WorkspaceId.random(), ref.connection());
        PublishRunbookCommand command = new PublishRunbookCommand(foreign, SpaceKey.of("OPS"), Optional.empty(), Title.of(TITLE),
                "test-runbook", new TemplateInputs(inputs()), Optional.empty(), List.of(), DriftPolicy.FAIL, false);

        assertThatThrownBy(() -> publisher.publish(command)).isInstanceOf(NotFoundException.class)
                .hasMessage("connection " + ref.connection() + " not found");
        assertThat(f.confluence.calls()).isZero();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void a_republish_without_resending_an_unchanged_attachment_still_shows_it_and_writes_nothing() {
        PublishResult first = publisher.publish(command(inputs(), List.of(attachment("diagram.png", "png")), DriftPolicy.FAIL, false));
        PageId page = first.pageId().orElseThrow();
        assertThat(f.confluence.page(page).orElseThrow().body()).contains("ri:filename=\"diagram.png\"");
        f.confluence.resetCounts();

        PublishResult again = publisher.publish(command());

        assertThat(again.outcome()).isEqualTo(PublishOutcome.UNCHANGED);
        assertThat(f.confluence.page(page).orElseThrow().body()).contains("ri:filename=\"diagram.png\"");
        assertThat(f.confluence.callLog()).containsExactly("pages.read");
    }

    @Test
    void a_body_the_caller_compiled_is_published_as_a_managed_runbook_with_its_attachment_shown_and_drift_tracked() {
        PageBody body = PageBody.storage("<h1>Crestview Production</h1><p>Region: eu-west-1</p>"
                + "<ac:image><ri:attachment ri:filename=\"diagram.png\" /></ac:image>");
        PublishRunbookCommand compiled = new PublishRunbookCommand(ref, SpaceKey.of("OPS"), Optional.empty(), Title.of(TITLE),
                new PublishSource.Supplied(body), Optional.empty(), List.of(attachment("diagram.png", "png")), DriftPolicy.FAIL, false);

        PublishResult created = publisher.publish(compiled);

        assertThat(created.outcome()).isEqualTo(PublishOutcome.CREATED);
        PageId page = created.pageId().orElseThrow();
        assertThat(f.confluence.page(page).orElseThrow().body()).contains("ri:filename=\"diagram.png\"");
        assertThat(f.confluence.page(page).orElseThrow().labels).containsExactlyInAnyOrderElementsOf(PublishRunbookCommand.DEFAULT_LABELS);
        assertThat(f.confluence.calls("attachments.upload")).isEqualTo(1);
        Runbook stored = new GetRunbookService(f.runbooks).get(ref, created.runbook().orElseThrow());
        assertThat(stored.source()).isInstanceOfSatisfying(RunbookSource.SuppliedBody.class,
                s -> assertThat(s.representation()).isEqualTo(BodyRepresentation.STORAGE));

        f.confluence.resetCounts();
        PublishResult unchanged = publisher.publish(compiled);
        assertThat(unchanged.outcome()).isEqualTo(PublishOutcome.UNCHANGED);
        assertThat(f.confluence.callLog()).containsExactly("pages.read");

        f.confluence.editInConfluence(page, "<p>edited by hand</p>");
        assertThatThrownBy(() -> publisher.publish(compiled)).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.DRIFT_DETECTED);
            assertThat(e.getMessage()).contains("edited").contains("nothing was overwritten");
        });
        assertThat(f.confluence.page(page).orElseThrow().body()).isEqualTo("<p>edited by hand</p>");
    }

    @Test
    void a_markdown_body_the_caller_compiled_reaches_confluence_as_storage_format() {
        PublishRunbookCommand compiled = new PublishRunbookCommand(ref, SpaceKey.of("OPS"), Optional.empty(), Title.of(TITLE),
                new PublishSource.Supplied(PageBody.markdown("# Crestview\n\n```bash\ncurl  -fsS https://x\n```\n")), Optional.empty(),
                List.of(), DriftPolicy.FAIL, false);

        PublishResult created = publisher.publish(compiled);

        assertThat(f.confluence.page(created.pageId().orElseThrow()).orElseThrow().body()).isEqualTo("<h1>Crestview</h1>"
                + "<ac:structured-macro ac:name=\"code\"><ac:parameter ac:name=\"language\">bash</ac:parameter>"
                + "<ac:plain-text-body><![CDATA[curl  -fsS https://x]]></ac:plain-text-body></ac:structured-macro>");
        Runbook stored = new GetRunbookService(f.runbooks).get(ref, created.runbook().orElseThrow());
        assertThat(stored.source()).isInstanceOfSatisfying(RunbookSource.SuppliedBody.class,
                s -> assertThat(s.representation()).isEqualTo(BodyRepresentation.MARKDOWN));
        f.confluence.resetCounts();
        assertThat(publisher.publish(compiled).outcome()).as("the same Markdown again").isEqualTo(PublishOutcome.UNCHANGED);
    }

    @Test
    void a_dry_run_of_a_runbook_never_stored_has_no_id_and_stores_nothing() {
        PublishResult plan = publisher.publish(command(inputs(), List.of(), DriftPolicy.FAIL, true));

        assertThat(plan.runbook()).isEmpty();
        assertThat(plan.outcome()).isEqualTo(PublishOutcome.PLANNED);
        assertThat(f.runbooks.listByConnection(ref.connection())).isEmpty();

        PublishResult published = publisher.publish(command());
        assertThat(publisher.publish(command(inputs(), List.of(), DriftPolicy.FAIL, true)).runbook()).isEqualTo(published.runbook());
    }
}
