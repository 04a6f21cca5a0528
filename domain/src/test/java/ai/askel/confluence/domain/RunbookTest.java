package ai.askel.confluence.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.error.ErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunbookTest {
    private static final Instant AT = Instant.parse("2026-11-28T10:00:00Z");
    private static final Title TITLE = Title.of("Crestview Production");
    private static final PageBody V1 = PageBody.storage("<p>v1</p>");
    private static final Set<Label> LABELS = Set.of(Label.of("runbook"));
    /** The Confluence account the connection writes as. */
    private static final Optional<String> WRITER = Optional.of("557058:askel");
    private static final RunbookSource TEMPLATE = new RunbookSource.Template(new TemplateRef("environment-runbook", "1"),
            new TemplateInputs(Map.of("environment", "prod")));
    private static final AttachmentDigest DIAGRAM = new AttachmentDigest("diagram.png", ContentHash.of("png"), 3);

    private static Runbook fresh() {
        return Runbook.create(WorkspaceIds.DEFAULT, ConnectionId.random(), SpaceKey.of("INFRA"), Title.of("Runbooks"), TITLE, TEMPLATE,
                LABELS);
    }

    private static PublishedState state(String pageId, int version, PageBody body, List<PublishedAttachment> attachments) {
        return new PublishedState(PageId.of(pageId), PageId.of("100"), Version.of(version), ContentBaseline.fingerprint(TITLE, body.value()),
                TITLE, LABELS, attachments, AT);
    }

    private static PublishedState state(String pageId, int version) {
        return state(pageId, version, V1, List.of());
    }

    private static Page remote(int version, Title title, PageBody body, Set<Label> labels) {
        return remote(version, title, body, labels, Optional.of("acc-1"));
    }

    private static Page remote(int version, Title title, PageBody body, Set<Label> labels, Optional<String> author) {
        return new Page(PageId.of("101"), SpaceKey.of("INFRA"), title, Optional.of(PageId.of("100")), body,
                new PageVersion(Version.of(version), author, Optional.of(AT), Optional.empty()), labels, Optional.empty());
    }

    private static RunbookContent content(PageBody body, AttachmentDigest... attachments) {
        return new RunbookContent(TITLE, body, TEMPLATE, LABELS, List.of(attachments));
    }

    @Test
    void a_new_runbook_is_unpublished() {
        Runbook runbook = fresh();

        assertThat(runbook.status()).isEqualTo(RunbookStatus.NEW);
        assertThat(runbook.published()).isEmpty();
        assertThat(runbook.pageId()).isEmpty();
        assertThat(runbook.revision()).isZero();
    }

    @Test
    void a_runbook_never_published_and_without_a_page_plans_a_create_with_every_label_and_file() {
        PublishDecision plan = fresh().plan(Optional.empty(), content(V1, DIAGRAM), DriftPolicy.FAIL, List.of(), WRITER);

        assertThat(plan.step()).isEqualTo(PublishDecision.Step.CREATE);
        assertThat(plan.action()).isEqualTo(PublishAction.CREATE);
        assertThat(plan.labelsToAdd()).isEqualTo(LABELS);
        assertThat(plan.attachmentsToUpload()).containsExactly("diagram.png");
    }

    @Test
    void a_runbook_never_published_adopts_a_page_that_holds_its_content_and_writes_no_version() {
        PublishDecision plan = fresh().plan(Optional.of(remote(3, TITLE, PageBody.storage("<p>v1</p>\n"), Set.of())), content(V1),
                DriftPolicy.FAIL, List.of(), WRITER);

        assertThat(plan.step()).isEqualTo(PublishDecision.Step.KEEP);
        assertThat(plan.action()).isEqualTo(PublishAction.NO_OP);
        assertThat(plan.labelsToAdd()).containsExactly(Label.of("runbook"));
    }

    @Test
    void a_runbook_never_published_takes_over_a_page_its_own_account_wrote_last_and_writes_its_content() {
        Page lostCreate = remote(1, TITLE, PageBody.storage("<p>older render</p>"), Set.of(), WRITER);

        PublishDecision plan = fresh().plan(Optional.of(lostCreate), content(V1), DriftPolicy.FAIL, List.of(), WRITER);

        assertThat(plan.step()).isEqualTo(PublishDecision.Step.WRITE);
        assertThat(plan.drift()).isEmpty();
    }

    @Test
    void a_page_with_the_runbooks_title_that_someone_else_wrote_is_not_taken_over_without_overwrite() {
        Page persons = remote(4, TITLE, PageBody.storage("<p>Bob's notes</p>"), Set.of(), Optional.of("557058:bob"));
        Page unknownAuthor = remote(4, TITLE, PageBody.storage("<p>notes</p>"), Set.of(), Optional.empty());

        PublishDecision refused = fresh().plan(Optional.of(persons), content(V1), DriftPolicy.FAIL, List.of(), WRITER);
        PublishDecision skipped = fresh().plan(Optional.of(persons), content(V1), DriftPolicy.SKIP, List.of(), WRITER);
        PublishDecision overwritten = fresh().plan(Optional.of(persons), content(V1), DriftPolicy.OVERWRITE, List.of(), WRITER);

        assertThat(refused.step()).isEqualTo(PublishDecision.Step.REFUSE);
        assertThat(refused.editors()).containsExactly("557058:bob");
        assertThat(refused.refusal(account -> "Bob Reader").getMessage()).contains("page 101 'Crestview Production' already exists")
                .contains("not written by this connection's account").contains("last edit by Bob Reader").contains("nothing was overwritten")
                .contains("or choose another title").doesNotContain("drift finding");
        assertThat(skipped.step()).isEqualTo(PublishDecision.Step.SKIP);
        assertThat(overwritten.step()).isEqualTo(PublishDecision.Step.WRITE);
        assertThat(overwritten.drift()).singleElement().satisfies(d -> assertThat(d.kind()).isEqualTo(DriftKind.EDITED_IN_CONFLUENCE));
        assertThat(fresh().plan(Optional.of(unknownAuthor), content(V1), DriftPolicy.FAIL, List.of(), WRITER).step())
                .as("an author Confluence did not name is not the connection's").isEqualTo(PublishDecision.Step.REFUSE);
        assertThat(fresh().plan(Optional.of(persons), content(V1), DriftPolicy.FAIL, List.of(), Optional.empty()).step())
                .as("a connection whose account is unknown takes over no page").isEqualTo(PublishDecision.Step.REFUSE);
    }

    @Test
    void the_same_content_again_is_kept_and_different_content_written() {
        Runbook runbook = fresh().published(state("101", 1));
        Page page = remote(1, TITLE, V1, LABELS);

        assertThat(runbook.plan(Optional.of(page), content(V1), DriftPolicy.FAIL, List.of(), WRITER))
                .extracting(PublishDecision::step, PublishDecision::action)
                .containsExactly(PublishDecision.Step.KEEP, PublishAction.NO_OP);
        assertThat(runbook.plan(Optional.of(page), content(PageBody.storage("<p>v2</p>")), DriftPolicy.FAIL, List.of(), WRITER))
                .extracting(PublishDecision::step, PublishDecision::action, PublishDecision::drift)
                .containsExactly(PublishDecision.Step.WRITE, PublishAction.UPDATE, List.of());
    }

    @Test
    void an_edit_made_in_confluence_is_refused_skipped_or_overwritten_as_the_policy_says() {
        Runbook runbook = fresh().published(state("101", 1));
        Optional<Page> edited = Optional.of(remote(2, TITLE, PageBody.storage("<p>by hand</p>"), LABELS));
        RunbookContent next = content(PageBody.storage("<p>v2</p>"));

        PublishDecision refused = runbook.plan(edited, next, DriftPolicy.FAIL, List.of(), WRITER);
        assertThat(refused.step()).isEqualTo(PublishDecision.Step.REFUSE);
        assertThat(refused.drift()).extracting(PageDrift::kind).containsExactly(DriftKind.EDITED_IN_CONFLUENCE);
        assertThat(refused.editors()).containsExactly("acc-1");
        assertThat(refused.refusal(account -> account.equals("acc-1") ? "Ada Lovelace" : "?").code()).isEqualTo(ErrorCode.DRIFT_DETECTED);
        assertThat(refused.refusal(account -> account.equals("acc-1") ? "Ada Lovelace" : "?").getMessage())
                .contains("edited (now version 2; the connector published version 1) in Confluence since the last publish; last edit by Ada Lovelace")
                .contains("nothing was overwritten");
        assertThat(runbook.plan(edited, next, DriftPolicy.SKIP, List.of(), WRITER).step()).isEqualTo(PublishDecision.Step.SKIP);
        PublishDecision overwrite = runbook.plan(edited, next, DriftPolicy.OVERWRITE, List.of(), WRITER);
        assertThat(overwrite.step()).isEqualTo(PublishDecision.Step.WRITE);
        assertThat(overwrite.drift()).extracting(PageDrift::kind).containsExactly(DriftKind.EDITED_IN_CONFLUENCE);
    }

    @Test
    void a_resave_by_confluence_moves_the_version_but_is_no_edit() {
        Runbook runbook = fresh().published(state("101", 1));
        Page resaved = remote(2, TITLE, PageBody.storage("<p>v1</p>\n\n"), LABELS);

        PublishDecision plan = runbook.plan(Optional.of(resaved), content(PageBody.storage("<p>v2</p>")), DriftPolicy.FAIL, List.of(), WRITER);

        assertThat(plan.step()).isEqualTo(PublishDecision.Step.WRITE);
        assertThat(plan.drift()).isEmpty();
    }

    @Test
    void a_removed_managed_label_is_drift_and_the_missing_label_is_added_back_on_overwrite() {
        Runbook runbook = fresh().published(state("101", 1));
        Optional<Page> unlabelled = Optional.of(remote(1, TITLE, V1, Set.of()));

        assertThat(runbook.plan(unlabelled, content(V1), DriftPolicy.FAIL, List.of(), WRITER).drift())
                .extracting(PageDrift::kind).containsExactly(DriftKind.LABELS_REMOVED);
        PublishDecision overwrite = runbook.plan(unlabelled, content(V1), DriftPolicy.OVERWRITE, List.of(), WRITER);
        assertThat(overwrite.step()).isEqualTo(PublishDecision.Step.KEEP);
        assertThat(overwrite.labelsToAdd()).containsExactly(Label.of("runbook"));
    }

    @Test
    void a_label_the_runbook_no_longer_asks_for_removed_in_confluence_is_no_drift() {
        Runbook published = fresh().published(state("101", 2));
        RunbookContent withoutIt = new RunbookContent(TITLE, V1, TEMPLATE, Set.of(Label.of("other")), List.of());

        PublishDecision plan = published.plan(Optional.of(remote(2, TITLE, V1, Set.of())), withoutIt, DriftPolicy.FAIL, List.of(), WRITER);

        assertThat(plan.drift()).isEmpty();
        assertThat(plan.labelsToAdd()).containsExactly(Label.of("other"));
    }

    @Test
    void a_deleted_page_is_refused_skipped_or_created_again() {
        Runbook runbook = fresh().published(state("101", 1));

        assertThat(runbook.plan(Optional.empty(), content(V1), DriftPolicy.FAIL, List.of(), WRITER).refusal(UnaryOperator.identity()).getMessage())
                .contains("was deleted in Confluence").contains("nothing was written");
        assertThat(runbook.plan(Optional.empty(), content(V1), DriftPolicy.SKIP, List.of(), WRITER).step()).isEqualTo(PublishDecision.Step.SKIP);
        assertThat(runbook.plan(Optional.empty(), content(V1), DriftPolicy.OVERWRITE, List.of(), WRITER).step())
                .isEqualTo(PublishDecision.Step.RECREATE);
        assertThat(runbook.forgetDeletedPage().status()).isEqualTo(RunbookStatus.NEW);
    }

    @Test
    void only_changed_attachments_are_uploaded_unless_an_overwrite_restores_removed_ones() {
        PublishedAttachment written = new PublishedAttachment("diagram.png", DIAGRAM.hash(), new AttachmentId("att1"), 3);
        Runbook runbook = fresh().published(state("101", 1, V1, List.of(written)));
        Optional<Page> page = Optional.of(remote(1, TITLE, V1, LABELS));
        List<PageDrift> missing = List.of(new PageDrift(DriftKind.ATTACHMENT_MISSING, "attachments gone from page 101: diagram.png"));

        assertThat(runbook.plan(page, content(V1, DIAGRAM), DriftPolicy.FAIL, List.of(), WRITER).attachmentsToUpload()).isEmpty();
        AttachmentDigest changed = new AttachmentDigest("diagram.png", ContentHash.of("png v2"), 6);
        assertThat(runbook.plan(page, content(V1, changed), DriftPolicy.FAIL, List.of(), WRITER).attachmentsToUpload())
                .containsExactly("diagram.png");
        assertThat(runbook.plan(page, content(V1, DIAGRAM), DriftPolicy.FAIL, missing, WRITER).step()).isEqualTo(PublishDecision.Step.REFUSE);
        assertThat(runbook.plan(page, content(V1), DriftPolicy.FAIL, missing, WRITER).step())
                .as("a publish without files does not care about them").isEqualTo(PublishDecision.Step.KEEP);
        assertThat(runbook.plan(page, content(V1, DIAGRAM), DriftPolicy.OVERWRITE, missing, WRITER).attachmentsToUpload())
                .containsExactly("diagram.png");
    }

    @Test
    void a_supplied_wiki_body_is_held_when_it_is_the_one_last_published_and_the_page_was_not_touched() {
        PageBody wiki = PageBody.wiki("h1. Crestview");
        RunbookSource supplied = new RunbookSource.SuppliedBody(BodyRepresentation.WIKI, RunbookSource.SuppliedBody.hashOf(TITLE, wiki));
        PageBody converted = PageBody.storage("<h1>Crestview</h1>");
        Runbook runbook = Runbook.create(WorkspaceIds.DEFAULT, ConnectionId.random(), SpaceKey.of("INFRA"), Title.of("Runbooks"), TITLE,
                supplied, LABELS).published(state("101", 1, converted, List.of()));
        RunbookContent same = new RunbookContent(TITLE, wiki, supplied, LABELS, List.of());
        PageBody otherWiki = PageBody.wiki("h1. Crestview 2");
        RunbookContent other = new RunbookContent(TITLE, otherWiki, new RunbookSource.SuppliedBody(BodyRepresentation.WIKI,
                RunbookSource.SuppliedBody.hashOf(TITLE, otherWiki)), LABELS, List.of());
        Optional<Page> page = Optional.of(remote(1, TITLE, converted, LABELS));

        assertThat(same.expectedHash()).isEmpty();
        assertThat(runbook.plan(page, same, DriftPolicy.FAIL, List.of(), WRITER).step()).isEqualTo(PublishDecision.Step.KEEP);
        assertThat(runbook.plan(page, other, DriftPolicy.FAIL, List.of(), WRITER).step()).isEqualTo(PublishDecision.Step.WRITE);
    }

    @Test
    void published_records_the_state_and_marks_the_runbook_published() {
        Runbook runbook = fresh().published(state("101", 1));

        assertThat(runbook.status()).isEqualTo(RunbookStatus.PUBLISHED);
        assertThat(runbook.pageId()).contains(PageId.of("101"));
        assertThat(runbook.published().orElseThrow().version()).isEqualTo(Version.FIRST);
    }

    @Test
    void published_refuses_another_page_id_because_the_page_id_is_the_identity() {
        Runbook runbook = fresh().published(state("101", 1));

        assertThatThrownBy(() -> runbook.published(state("202", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is page 101; it cannot become page 202");
    }

    @Test
    void a_drift_scan_marks_a_published_runbook_drifted_and_back_but_cannot_touch_one_never_published() {
        Runbook runbook = fresh().published(state("101", 1));

        assertThat(runbook.scanned(true).status()).isEqualTo(RunbookStatus.DRIFTED);
        assertThat(runbook.scanned(true).scanned(false).status()).isEqualTo(RunbookStatus.PUBLISHED);
        assertThatThrownBy(() -> fresh().scanned(true)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void revisions_count_saves_and_identify_a_stored_state() {
        Runbook saved = fresh().atRevision(1);
        Runbook savedAgain = saved.atRevision(2);

        assertThat(savedAgain.id()).isEqualTo(saved.id());
        assertThat(saved).isNotEqualTo(savedAgain).isEqualTo(savedAgain.atRevision(1));
        assertThatThrownBy(() -> fresh().atRevision(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void with_request_changes_what_to_render_but_keeps_what_was_published() {
        Runbook published = fresh().published(state("101", 1));
        RunbookSource v2 = new RunbookSource.Template(new TemplateRef("environment-runbook", "2"), TemplateInputs.empty());

        Runbook changed = published.withRequest(Title.of("Other parent"), v2, Set.of(Label.of("x")));

        assertThat(changed.source()).isEqualTo(v2);
        assertThat(changed.parentTitle()).isEqualTo(Title.of("Other parent"));
        assertThat(changed.labels()).containsExactly(Label.of("x"));
        assertThat(changed.published()).isEqualTo(published.published());
        assertThat(changed.differsFrom(published.parentTitle(), published.source(), published.labels())).isTrue();
        assertThat(published.differsFrom(published.parentTitle(), TEMPLATE, LABELS)).isFalse();
    }

    @Test
    void the_page_carries_the_files_sent_now_and_those_published_before() {
        PublishedAttachment written = new PublishedAttachment("diagram.png", DIAGRAM.hash(), new AttachmentId("att1"), 3);
        Runbook runbook = fresh().published(state("101", 1, V1, List.of(written)));

        assertThat(runbook.attachmentNamesWith(List.of())).containsExactly("diagram.png");
        assertThat(runbook.attachmentNamesWith(List.of("notes.pdf", "diagram.png"))).containsExactly("notes.pdf", "diagram.png");
        assertThat(fresh().attachmentNamesWith(List.of("notes.pdf"))).containsExactly("notes.pdf");
    }

    @Test
    void to_string_names_the_runbook_and_its_page() {
        assertThat(fresh().published(state("101", 1)).toString()).contains("'Crestview Production' in INFRA, PUBLISHED, page 101");
    }
}
