package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.ConnectionStatus;
import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.domain.DriftPolicy;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.ports.in.WorkspaceScan;
import ai.askel.confluence.ports.in.PublishRunbookCommand;
import org.junit.jupiter.api.Test;
import ai.askel.confluence.domain.DriftScanStatus;
import ai.askel.confluence.domain.error.ConfluenceUnavailableException;
import java.util.ArrayList;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckDriftServiceTest {
    private final UseCaseFixture f = new UseCaseFixture();
    private final ConnectionRef ref = f.connection();
    private final CheckDriftService drift = f.drift();
    private final PageId page = publish();

    private PageId publish() {
        return f.publisher().publish(new PublishRunbookCommand(ref, SpaceKey.of("OPS"), Optional.empty(), Title.of("Crestview Production"),
                "test-runbook", new TemplateInputs(Map.of("environment", "production", "endpoint", "https://api.example")),
                Optional.of(Set.of(Label.of("customer-runbook"))), List.of(), DriftPolicy.FAIL, false)).pageId().orElseThrow();
    }

    private PageId publishUnder(String parentTitle, String title) {
        return f.publisher().publish(new PublishRunbookCommand(ref, SpaceKey.of("OPS"), Optional.of(Title.of(parentTitle)), Title.of(title),
                "test-runbook", new TemplateInputs(Map.of("environment", title, "endpoint", "https://api.example")),
                Optional.of(Set.of(Label.of("customer-runbook"))), List.of(), DriftPolicy.FAIL, false)).pageId().orElseThrow();
    }

    private List<DriftKind> openKinds() {
        return drift.openFindings(ref).stream().map(DriftFinding::kind).toList();
    }

    @Test
    void a_freshly_published_runbook_has_no_drift() {
        assertThat(drift.scan(ref)).isEmpty();
    }

    @Test
    void a_hand_edit_is_found_and_resolved_once_the_content_is_back() {
        String published = f.confluence.page(page).orElseThrow().body();
        f.confluence.editInConfluence(page, "<p>hand edit</p>");

        assertThat(drift.scan(ref)).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DriftKind.EDITED_IN_CONFLUENCE);
            assertThat(d.pageId()).contains(page);
            assertThat(d.detail()).contains("version 2").contains(FakeConfluence.HUMAN);
        });

        f.confluence.editInConfluence(page, published);
        assertThat(drift.scan(ref)).isEmpty();
        assertThat(f.findings.all()).singleElement().satisfies(d -> assertThat(d.resolvedAt()).contains(f.clock.now()));
    }

    @Test
    void confluence_re_serialising_the_same_content_is_not_an_edit() {
        String published = f.confluence.page(page).orElseThrow().body();
        f.confluence.editInConfluence(page, "  " + published.replace("<p>", "<p>  ") + "\n");

        assertThat(drift.scan(ref)).isEmpty();
    }

    @Test
    void a_deleted_page_is_found_and_resolved_when_it_is_back() {
        FakeConfluence.StoredPage stored = f.confluence.page(page).orElseThrow();
        f.confluence.delete(page);

        assertThat(drift.scan(ref)).extracting(DriftFinding::kind).containsExactly(DriftKind.DELETED);

        f.confluence.resurrect(stored);
        assertThat(drift.scan(ref)).isEmpty();
    }

    @Test
    void a_moved_and_renamed_page_is_found_and_resolved_when_put_back() {
        FakeConfluence.StoredPage stored = f.confluence.page(page).orElseThrow();
        Optional<PageId> parent = stored.parentId;
        f.confluence.move(page, Optional.empty());
        f.confluence.rename(page, "Crestview (old)");

        assertThat(drift.scan(ref)).extracting(DriftFinding::kind)
                .containsExactlyInAnyOrder(DriftKind.MOVED, DriftKind.RENAMED);

        f.confluence.move(page, parent);
        f.confluence.rename(page, "Crestview Production");
        assertThat(drift.scan(ref)).isEmpty();
    }

    @Test
    void a_removed_managed_label_is_found_and_resolved_when_added_back() {
        f.confluence.removeLabelByHand(page, "customer-runbook");

        assertThat(drift.scan(ref)).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DriftKind.LABELS_REMOVED);
            assertThat(d.detail()).contains("customer-runbook");
        });

        f.confluence.labels.add(ai.askel.confluence.ports.out.ConfluenceAccess.of(f.lookup.connection(ref)), page,
                Set.of(Label.of("customer-runbook")));
        assertThat(drift.scan(ref)).isEmpty();
    }

    @Test
    void a_label_the_runbook_no_longer_wants_removed_by_hand_is_no_drift_to_a_scan_as_to_a_publish() {
        // the runbook written with 'customer-runbook' now asks without it; then someone removes it by hand
        ai.askel.confluence.domain.Runbook stored = f.runbooks.listByConnection(ref.connection()).get(0);
        Set<Label> wanted = new java.util.TreeSet<>(stored.labels());
        wanted.remove(Label.of("customer-runbook"));
        f.runbooks.update(stored.withRequest(stored.parentTitle(), stored.source(), wanted));
        f.confluence.removeLabelByHand(page, "customer-runbook");

        ai.askel.confluence.ports.in.PublishResult planned = f.publisher().publish(new PublishRunbookCommand(ref, SpaceKey.of("OPS"),
                Optional.empty(), Title.of("Crestview Production"), "test-runbook",
                new TemplateInputs(Map.of("environment", "production", "endpoint", "https://api.example")), Optional.of(Set.of()), List.of(),
                DriftPolicy.FAIL, true));
        assertThat(planned.outcome()).isEqualTo(ai.askel.confluence.ports.in.PublishOutcome.PLANNED);
        assertThat(drift.scan(ref)).isEmpty();
    }

    @Test
    void rejected_credentials_are_found_recorded_on_the_connection_and_resolved_after_they_work_again() {
        f.confluence.revokeCredentials(UseCaseFixture.EMAIL, UseCaseFixture.TOKEN);
        f.confluence.resetCounts();

        assertThat(drift.scan(ref)).extracting(DriftFinding::kind).containsExactly(DriftKind.CREDENTIALS_REJECTED);
        assertThat(f.confluence.callLog()).as("no page is read with rejected credentials").containsExactly("users.current");
        assertThat(f.lookup.connection(ref).status()).isEqualTo(ConnectionStatus.CREDENTIALS_REJECTED);

        f.confluence.acceptCredentials(UseCaseFixture.EMAIL, UseCaseFixture.TOKEN, UseCaseFixture.ACCOUNT);
        assertThat(drift.scan(ref)).isEmpty();
        assertThat(f.lookup.connection(ref).status()).isEqualTo(ConnectionStatus.ACTIVE);
    }

    @Test
    void a_token_expiring_within_the_window_is_found_and_resolved_after_rotation() {
        UseCaseFixture g = new UseCaseFixture();
        ConnectionRef expiring = g.connection(Optional.of(LocalDate.of(2026, 12, 10))); // 12 days after the fixture's today

        assertThat(g.drift().scan(expiring)).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DriftKind.TOKEN_EXPIRING);
            assertThat(d.detail()).contains("2026-12-10");
        });

        g.connections.save(g.lookup.connection(expiring).withCredentials(g.lookup.connection(expiring).email(),
                g.lookup.connection(expiring).apiToken(), Optional.of(LocalDate.of(2027, 11, 1)), g.clock.now()));
        assertThat(g.drift().scan(expiring)).isEmpty();
    }

    @Test
    void the_expiry_window_is_configurable() {
        UseCaseFixture g = new UseCaseFixture(UseCaseSettings.defaults().withTokenExpiryWarning(Duration.ofDays(7)));
        ConnectionRef expiring = g.connection(Optional.of(LocalDate.of(2026, 12, 10)));

        assertThat(g.drift().scan(expiring)).isEmpty();
        g.clock.advance(Duration.ofDays(6));
        assertThat(g.drift().scan(expiring)).extracting(DriftFinding::kind).containsExactly(DriftKind.TOKEN_EXPIRING);
    }

    @Test
    void a_finding_seen_again_keeps_its_first_seen_time_and_open_findings_are_listed_per_workspace() {
        f.confluence.editInConfluence(page, "<p>hand edit</p>");
        DriftFinding first = drift.scan(ref).get(0);
        f.clock.advance(Duration.ofHours(1));

        DriftFinding again = drift.scan(ref).get(0);

        assertThat(again.firstSeen()).isEqualTo(first.firstSeen());
        assertThat(again.lastSeen()).isEqualTo(first.lastSeen().plus(Duration.ofHours(1)));
        assertThat(drift.openFindings(f.workspace)).containsExactly(again);
        assertThat(openKinds()).containsExactly(DriftKind.EDITED_IN_CONFLUENCE);
    }

    @Test
    void a_space_where_the_user_may_only_read_is_permission_lost_until_write_is_back() {
        f.confluence.readOnly = true;
        assertThat(drift.scan(ref)).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DriftKind.PERMISSION_LOST);
            assertThat(d.detail()).contains("OPS");
        });

        f.confluence.readOnly = false;
        assertThat(drift.scan(ref)).isEmpty();
    }

    @Test
    void the_search_covers_every_labelled_runbook_with_as_few_labels_as_possible() {
        java.util.function.Function<Set<String>, ai.askel.confluence.ports.out.ManagedPage> page = names -> new ai.askel.confluence.ports.out.ManagedPage(
                f.lookup.connection(ref).id(), PageId.of(Integer.toString(Math.abs(names.hashCode()) + 1)), SpaceKey.of("OPS"), Title.of("T"),
                Optional.empty(), ai.askel.confluence.ports.out.ManagedPage.Role.RUNBOOK, Optional.empty(), ai.askel.confluence.domain.Version.FIRST,
                ai.askel.confluence.domain.ContentHash.of("x"), names.stream().map(Label::of).collect(java.util.stream.Collectors.toSet()),
                f.clock.now());

        assertThat(PageSightings.coveringLabels(List.of(page.apply(Set.of("auto-generated", "customer-runbook")),
                page.apply(Set.of("auto-generated", "ops")), page.apply(Set.of("auto-generated")))))
                .containsExactly(Label.of("auto-generated"));
        assertThat(PageSightings.coveringLabels(List.of(page.apply(Set.of("a", "b")), page.apply(Set.of("c")), page.apply(Set.of()))))
                .containsExactlyInAnyOrder(Label.of("a"), Label.of("c"));
    }

    @Test
    void a_site_that_cannot_be_reached_is_a_scan_failed_finding_with_a_warning_and_a_metric_until_a_scan_reaches_it_again() {
        f.confluence.editInConfluence(page, "<p>hand edit</p>");
        drift.scan(ref);
        f.confluence.failNext("users.current", new ConfluenceUnavailableException("Confluence answered 503", "trace-503", null));

        List<String> warnings = new ArrayList<>();
        List<DriftFinding> open = warnings(warnings, drift::scanAll);

        assertThat(open).extracting(DriftFinding::kind).containsExactlyInAnyOrder(DriftKind.EDITED_IN_CONFLUENCE, DriftKind.SCAN_FAILED);
        assertThat(open).filteredOn(d -> d.kind() == DriftKind.SCAN_FAILED).singleElement()
                .satisfies(d -> assertThat(d.detail()).contains("'Crestview'").contains("503"));
        assertThat(warnings).singleElement().satisfies(w -> assertThat(w).contains("drift scan").contains("503").contains("trace-503"));
        assertThat(f.driftScans.observed).extracting(DriftScanStatus::outcome)
                .containsExactly(DriftScanStatus.Outcome.COMPLETED, DriftScanStatus.Outcome.FAILED);
        assertThat(drift.lastScan(ref)).hasValueSatisfying(s -> {
            assertThat(s.outcome()).isEqualTo(DriftScanStatus.Outcome.FAILED);
            assertThat(s.problem()).hasValueSatisfying(p -> assertThat(p).contains("503"));
        });

        assertThat(drift.scan(ref)).extracting(DriftFinding::kind).containsExactly(DriftKind.EDITED_IN_CONFLUENCE);
        assertThat(drift.lastScan(ref)).hasValueSatisfying(s -> assertThat(s.outcome()).isEqualTo(DriftScanStatus.Outcome.COMPLETED));
    }

    @Test
    void a_workspace_scan_names_the_connection_it_could_not_scan_and_still_scans_the_others_of_that_workspace_only() {
        ConnectionRef second = f.connection();
        f.confluence.failNext("users.current", new ConfluenceUnavailableException("Confluence answered 503", "trace-503", null));
        UseCaseFixture elsewhere = new UseCaseFixture();

        WorkspaceScan result = warnings(new ArrayList<>(), () -> drift.scanAll(f.workspace));

        assertThat(result.notScanned()).singleElement().satisfies(n -> {
            assertThat(n.connection()).isEqualTo(ref.connection());
            assertThat(n.name()).isEqualTo(f.lookup.connection(ref).name());
            assertThat(n.code()).isEqualTo(ErrorCode.CONFLUENCE_UNAVAILABLE);
        });
        assertThat(result.openFindings()).extracting(DriftFinding::kind).containsExactly(DriftKind.SCAN_FAILED);
        assertThat(drift.lastScan(second)).hasValueSatisfying(s -> assertThat(s.outcome()).isEqualTo(DriftScanStatus.Outcome.COMPLETED));
        assertThat(drift.scanAll(elsewhere.workspace).notScanned()).isEmpty();
    }

    @Test
    void a_scan_of_one_connection_that_fails_records_scan_failed_and_still_throws() {
        f.confluence.failNext("users.current", new ConfluenceUnavailableException("Confluence answered 503", "trace-503", null));

        assertThatThrownBy(() -> warnings(new ArrayList<>(), () -> drift.scan(ref))).isInstanceOf(ConfluenceUnavailableException.class);
        assertThat(openKinds()).containsExactly(DriftKind.SCAN_FAILED);
    }

    @Test
    void a_page_edited_again_after_an_acknowledgement_needs_attention_again() {
        f.confluence.editInConfluence(page, "<p>hand edit</p>");
        DriftFinding found = drift.scan(ref).get(0);
        AcknowledgeDriftFindingService acknowledge = f.acknowledgeDrift();

        DriftFinding acknowledged = acknowledge.acknowledge(ref, found.id().orElseThrow());
        assertThat(acknowledged.acknowledgedAt()).isPresent();
        assertThat(drift.scan(ref)).singleElement().satisfies(d -> assertThat(d.needsAttention()).isFalse());
        assertThat(f.runbooks.listByConnection(f.lookup.connection(ref).id()).get(0).status())
                .isEqualTo(ai.askel.confluence.domain.RunbookStatus.PUBLISHED);

        f.confluence.editInConfluence(page, "<p>hand edit, again</p>");
        assertThat(drift.scan(ref)).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(found.id());
            assertThat(d.needsAttention()).isTrue();
        });
        assertThat(f.auditLog.all()).anySatisfy(e -> assertThat(e.operation()).isEqualTo("drift.acknowledge"));
    }

    @Test
    void an_adopted_edit_is_the_new_baseline_and_a_publish_with_the_same_inputs_leaves_it_alone() {
        f.confluence.editInConfluence(page, "<p>hand edit we keep</p>");
        DriftFinding found = drift.scan(ref).get(0);

        DriftFinding adopted = f.adoptDrift().adopt(ref, found.id().orElseThrow());

        assertThat(adopted.resolvedAt()).isPresent();
        assertThat(drift.scan(ref)).isEmpty();
        f.confluence.resetCounts();
        assertThat(publishAgain().outcome()).isEqualTo(ai.askel.confluence.ports.in.PublishOutcome.UNCHANGED);
        assertThat(f.confluence.page(page).orElseThrow().body()).isEqualTo("<p>hand edit we keep</p>");
        assertThat(f.confluence.callLog()).doesNotContainAnyElementsOf(FakeConfluence.WRITES);
    }

    @Test
    void an_overwrite_puts_back_the_body_title_place_and_labels_the_connector_wrote() {
        FakeConfluence.StoredPage stored = f.confluence.page(page).orElseThrow();
        String published = stored.body();
        Optional<PageId> parent = stored.parentId;
        f.confluence.editInConfluence(page, "<p>hand edit</p>");
        f.confluence.rename(page, "Crestview (old)");
        f.confluence.move(page, Optional.empty());
        f.confluence.removeLabelByHand(page, "customer-runbook");
        List<DriftFinding> found = drift.scan(ref);
        assertThat(found).extracting(DriftFinding::kind).containsExactlyInAnyOrder(DriftKind.EDITED_IN_CONFLUENCE, DriftKind.RENAMED,
                DriftKind.MOVED, DriftKind.LABELS_REMOVED);
        DriftFinding moved = found.stream().filter(d -> d.kind() == DriftKind.MOVED).findFirst().orElseThrow();

        DriftFinding after = f.overwriteDrift().overwrite(ref, moved.id().orElseThrow());

        assertThat(after.resolvedAt()).isPresent();
        FakeConfluence.StoredPage restored = f.confluence.page(page).orElseThrow();
        assertThat(restored.body()).isEqualTo(published);
        assertThat(restored.title.value()).isEqualTo("Crestview Production");
        assertThat(restored.parentId).isEqualTo(parent);
        assertThat(restored.labels).contains(Label.of("customer-runbook"));
        assertThat(drift.scan(ref)).isEmpty();
        assertThat(publishAgain().outcome()).isEqualTo(ai.askel.confluence.ports.in.PublishOutcome.UNCHANGED);
    }

    @Test
    void once_a_trashed_parent_is_forgotten_the_pages_confluence_moved_up_stay_there_without_a_moved_finding_each() {
        PageId home = f.confluence.seedPage("OPS", "Infrastructure Home", Optional.empty(), "<p>home</p>");
        PageId parent = f.confluence.seedPage("OPS", "Team Runbooks", Optional.of(home), "<p>our runbooks</p>");
        PageId staging = publishUnder("Team Runbooks", "Crestview Staging");
        PageId test = publishUnder("Team Runbooks", "Crestview Test");
        assertThat(drift.scan(ref)).isEmpty();
        // Bob trashes the parent: Confluence moves the pages under it up a level
        f.confluence.move(staging, Optional.of(home));
        f.confluence.move(test, Optional.of(home));
        f.confluence.delete(parent);
        DriftFinding gone = drift.scan(ref).stream().filter(d -> d.pageId().equals(Optional.of(parent))).findFirst().orElseThrow();
        assertThat(gone.kind()).isEqualTo(DriftKind.DELETED);
        assertThat(openKinds()).containsExactly(DriftKind.DELETED);

        f.overwriteDrift().overwrite(ref, gone.id().orElseThrow());

        assertThat(drift.scan(ref)).as("the parent's finding was the one event").isEmpty();
        assertThat(f.confluence.page(staging).orElseThrow().parentId).contains(home);
        assertThat(f.runbooks.listByConnection(ref.connection())).filteredOn(r -> r.pageId().equals(Optional.of(staging)))
                .singleElement().satisfies(r -> assertThat(r.published().orElseThrow().parentId()).isEqualTo(home));
        // the next publish under the parent's title writes under a new parent, never under the trashed one
        PageId demo = publishUnder("Team Runbooks", "Crestview Demo");
        FakeConfluence.StoredPage newParent = f.confluence.pagesTitled("OPS", "Team Runbooks").get(0);
        assertThat(newParent.id).isNotEqualTo(parent);
        assertThat(f.confluence.page(demo).orElseThrow().parentId).contains(newParent.id);
        assertThat(drift.scan(ref)).isEmpty();
    }

    @Test
    void an_overwrite_never_moves_a_page_back_under_a_parent_that_is_gone() {
        PageId parent = f.confluence.page(page).orElseThrow().parentId.orElseThrow();
        PageId elsewhere = f.confluence.seedPage("OPS", "Elsewhere", Optional.empty(), "<p>elsewhere</p>");
        f.confluence.move(page, Optional.of(elsewhere));
        DriftFinding moved = drift.scan(ref).get(0);
        assertThat(moved.kind()).isEqualTo(DriftKind.MOVED);
        f.confluence.delete(parent);
        f.confluence.resetCounts();

        assertThatThrownBy(() -> f.overwriteDrift().overwrite(ref, moved.id().orElseThrow()))
                .isInstanceOfSatisfying(ai.askel.confluence.domain.error.ConnectorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ai.askel.confluence.domain.error.ErrorCode.CONFLICT);
                    assertThat(e.getMessage()).contains("page " + parent).contains("gone").contains("Nothing was written");
                });
        assertThat(f.confluence.page(page).orElseThrow().parentId).contains(elsewhere);
        assertThat(f.confluence.writes()).isZero();
    }

    @Test
    void overwriting_a_deleted_page_with_a_file_answers_which_file_to_send_again_and_it_stays_missing_until_it_is_sent() {
        byte[] png = "png".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.util.function.Supplier<ai.askel.confluence.ports.out.AttachmentUpload> diagram = () -> new ai.askel.confluence.ports.out.AttachmentUpload(
                "diagram.png", "image/png", png.length, () -> new java.io.ByteArrayInputStream(png), Optional.empty(), false);
        ai.askel.confluence.ports.in.PublishResult published = f.publisher().publish(new PublishRunbookCommand(ref, SpaceKey.of("OPS"),
                Optional.empty(), Title.of("Crestview Diagram"), "test-runbook", new TemplateInputs(Map.of("environment", "diagram",
                "endpoint", "https://api.example")), Optional.of(Set.of(Label.of("customer-runbook"))), List.of(diagram.get()),
                DriftPolicy.FAIL, false));
        PageId trashed = published.pageId().orElseThrow();
        f.confluence.delete(trashed);
        DriftFinding deleted = drift.scan(ref).get(0);
        assertThat(deleted.kind()).isEqualTo(DriftKind.DELETED);

        DriftFinding answer = f.overwriteDrift().overwrite(ref, deleted.id().orElseThrow());

        assertThat(answer.kind()).isEqualTo(DriftKind.ATTACHMENT_MISSING);
        assertThat(answer.isOpen()).isTrue();
        assertThat(answer.pageId()).isPresent().isNotEqualTo(Optional.of(trashed));
        assertThat(answer.detail()).contains("diagram.png").contains("/runbooks/" + published.runbook().orElseThrow() + "/attachments");
        assertThat(f.findings.find(ref.connection(), deleted.id().orElseThrow()).orElseThrow().resolvedAt()).isPresent();
        assertThat(drift.scan(ref)).extracting(DriftFinding::kind).as("nothing reports clean while the file is missing")
                .containsExactly(DriftKind.ATTACHMENT_MISSING);

        f.attachToRunbook().attach(ref, published.runbook().orElseThrow(), diagram.get(),
                ai.askel.confluence.ports.out.UploadProgressListener.NONE);

        assertThat(openKinds()).isEmpty();
        assertThat(drift.scan(ref)).isEmpty();
    }

    @Test
    void a_connection_finding_cannot_be_adopted_or_overwritten_and_says_what_to_do() {
        f.confluence.failNext("users.current", new ConfluenceUnavailableException("Confluence answered 503", "trace-503", null));
        drift.scanAll();
        DriftFinding failed = drift.openFindings(ref).get(0);

        assertThatThrownBy(() -> f.adoptDrift().adopt(ref, failed.id().orElseThrow()))
                .isInstanceOf(ai.askel.confluence.domain.error.InvalidInputException.class).hasMessageContaining("next scan");
        assertThatThrownBy(() -> f.overwriteDrift().overwrite(ref, failed.id().orElseThrow()))
                .isInstanceOf(ai.askel.confluence.domain.error.InvalidInputException.class);
        assertThatThrownBy(() -> f.acknowledgeDrift().acknowledge(ref, new ai.askel.confluence.domain.DriftFindingId(999)))
                .isInstanceOf(ai.askel.confluence.domain.error.NotFoundException.class);
    }

    private ai.askel.confluence.ports.in.PublishResult publishAgain() {
        return f.publisher().publish(new PublishRunbookCommand(ref, SpaceKey.of("OPS"), Optional.empty(), Title.of("Crestview Production"),
                "test-runbook", new TemplateInputs(Map.of("environment", "production", "endpoint", "https://api.example")),
                Optional.of(Set.of(Label.of("customer-runbook"))), List.of(), DriftPolicy.FAIL, false));
    }

    /** Runs the action and collects what the drift service logged at WARN, keeping it out of the build output. */
    private static <T> T warnings(List<String> lines, java.util.function.Supplier<T> action) {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(CheckDriftService.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> events = new ch.qos.logback.core.read.ListAppender<>();
        events.start();
        boolean additive = logger.isAdditive();
        logger.setAdditive(false);
        logger.addAppender(events);
        try {
            return action.get();
        } finally {
            logger.detachAppender(events);
            logger.setAdditive(additive);
            events.list.stream().filter(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN)
                    .forEach(e -> lines.add(e.getFormattedMessage()));
        }
    }
}
