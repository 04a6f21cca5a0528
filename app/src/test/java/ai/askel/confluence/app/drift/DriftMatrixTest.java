package ai.askel.confluence.app.drift;

import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.domain.DriftPolicy;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.ports.in.PublishOutcome;
import ai.askel.confluence.ports.in.PublishResult;
import ai.askel.confluence.ports.out.UploadProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import ai.askel.confluence.ports.out.AuditEvent;
import ai.askel.confluence.ports.out.AuditLogPage;
import ai.askel.confluence.ports.out.AuditQuery;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every change a person makes in Confluence, made in one sandbox at once: each is found with the kind and message a person
 * can act on, for the scan's fixed cost; nothing unchanged is ever reported (not right after publishing, not twice, not after
 * the Cloud editor re-saves a page); and each finding is cleared by the action that fits it (overwrite, adopt, acknowledge).
 */
class DriftMatrixTest {
    @TempDir
    Path dataDir;

    @Test
    void every_change_is_found_at_a_flat_cost_and_each_action_clears_what_it_should() {
        try (DriftSandbox site = new DriftSandbox(dataDir)) {
            Map<String, PublishResult> runbooks = new LinkedHashMap<>();
            for (String name : List.of("joined", "reindented", "inline", "renamed", "moved", "unlabelled", "replaced", "deleted",
                    "trashed", "resaved")) {
                runbooks.put(name, site.publishFull("Crestview " + name, DriftPolicy.FAIL));
            }
            Map<String, String> page = new LinkedHashMap<>();
            runbooks.forEach((name, result) -> page.put(name, result.pageId().orElseThrow().value()));
            String parent = site.sandbox.findPage(page.get("moved")).orElseThrow().parentId().orElseThrow();
            site.sandbox.resetCounters();
            assertThat(site.scan()).as("right after publishing").isEmpty();
            assertThat(site.sandbox.requestLog().count("POST /wiki/api/v2/users-bulk")).as("no finding names anyone: no lookup").isZero();
            assertThat(site.scan()).as("and again").isEmpty();

            // the changes, all at once
            String joinedBefore = body(site, page.get("joined"));
            assertThat(joinedBefore).contains("'https://api.crestview.example'\ncurl");
            site.sandbox.editPage(page.get("joined"), DriftSandbox.BOB, joinedBefore.replace("example'\ncurl", "example' curl"));
            site.sandbox.editPage(page.get("reindented"), DriftSandbox.BOB, body(site, page.get("reindented")).replace("\ncurl", "\n    curl"));
            String inlineBefore = body(site, page.get("inline"));
            assertThat(inlineBefore).contains("kept in <code>");
            site.sandbox.editPage(page.get("inline"), DriftSandbox.BOB, inlineBefore.replace("kept in <code>", "kept in<code>"));
            site.sandbox.renamePage(page.get("renamed"), DriftSandbox.BOB, "Crestview renamed (old)");
            site.sandbox.movePage(page.get("moved"), site.sandbox.homepageId("INFRA"), DriftSandbox.BOB);
            site.sandbox.removeLabel(page.get("unlabelled"), "customer-runbook");
            site.sandbox.replaceAttachment(page.get("replaced"), DriftSandbox.DIAGRAM, DriftSandbox.sameSizeOtherDiagram(), DriftSandbox.BOB);
            site.sandbox.deleteAttachment(page.get("deleted"), DriftSandbox.DIAGRAM, DriftSandbox.BOB);
            site.sandbox.editPage(page.get("trashed"), DriftSandbox.BOB, "<p>Bob's last words</p>");
            site.sandbox.editorSave(page.get("resaved"), DriftSandbox.BOB);
            site.sandbox.resetCounters();

            List<DriftFinding> found = site.scan();

            Map<String, DriftKind> kinds = found.stream().collect(Collectors.toMap(f -> name(page, f), DriftFinding::kind));
            assertThat(kinds).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "joined", DriftKind.EDITED_IN_CONFLUENCE, "reindented", DriftKind.EDITED_IN_CONFLUENCE,
                    "inline", DriftKind.EDITED_IN_CONFLUENCE, "renamed", DriftKind.RENAMED, "moved", DriftKind.MOVED,
                    "unlabelled", DriftKind.LABELS_REMOVED, "replaced", DriftKind.ATTACHMENT_REPLACED,
                    "deleted", DriftKind.ATTACHMENT_MISSING, "trashed", DriftKind.EDITED_IN_CONFLUENCE));
            assertThat(found).allSatisfy(f -> {
                assertThat(f.id()).isPresent();
                assertThat(f.detail()).contains("'Crestview " + name(page, f) + "' (page " + f.pageId().orElseThrow() + ")");
            });
            assertThat(finding(found, page, "joined").detail()).contains("version 2").contains("(last edit by Bob)").contains("http")
                    .doesNotContain(DriftSandbox.BOB_ACCOUNT);
            assertThat(finding(found, page, "moved").detail()).contains("from under 'Customer Environments' (page " + parent + ")")
                    .as("the new place by its title, which the search's ancestors carry")
                    .contains("to under 'Infrastructure Home' (page " + site.sandbox.homepageId("INFRA") + ")");
            assertThat(finding(found, page, "replaced").detail()).contains("uploaded version 1").contains("now holds version 2")
                    .contains("uploaded by Bob");
            // one search (attachments ride along), a read of each page whose version moved and of the parent, one lookup of the
            // names of every person the findings name, and 3 more
            List<String> reads = site.sandbox.requestLog().recent().stream()
                    .filter(e -> e.method().equals("GET") && e.path().matches("/wiki/api/v2/pages/\\d+"))
                    .map(e -> e.path().substring(e.path().lastIndexOf('/') + 1)).toList();
            assertThat(reads).containsExactlyInAnyOrder(page.get("joined"), page.get("reindented"), page.get("inline"), page.get("renamed"),
                    page.get("trashed"), page.get("resaved"), parent);
            assertThat(site.sandbox.requestLog().count("GET /wiki/rest/api/content/search")).isEqualTo(1);
            assertThat(site.sandbox.requestLog().count("POST /wiki/api/v2/users-bulk")).isEqualTo(1);
            assertThat(site.sandbox.requestLog().total()).isEqualTo(1 + reads.size() + 1 + 3);

            // a deletion supersedes what was found before it
            site.sandbox.trashPage(page.get("trashed"), DriftSandbox.BOB);
            assertThat(site.scan().stream().filter(f -> name(page, f).equals("trashed")).map(DriftFinding::kind))
                    .containsExactly(DriftKind.DELETED);

            // the actions
            DriftFinding joined = site.askel.overwriteDriftFinding().overwrite(site.ref, id(site, page, "joined"));
            assertThat(joined.resolvedAt()).isPresent();
            assertThat(body(site, page.get("joined"))).contains("'https://api.crestview.example'\ncurl");

            site.askel.adoptDriftFinding().adopt(site.ref, id(site, page, "reindented"));
            String adopted = body(site, page.get("reindented"));
            assertThat(site.publishFull("Crestview reindented", DriftPolicy.FAIL).outcome()).isEqualTo(PublishOutcome.UNCHANGED);
            assertThat(body(site, page.get("reindented"))).isEqualTo(adopted).contains("\n    curl");

            PublishResult inline = site.publishFull("Crestview inline", DriftPolicy.OVERWRITE);
            assertThat(inline.outcome()).isEqualTo(PublishOutcome.UPDATED);
            assertThat(body(site, page.get("inline"))).contains("kept in <code>");

            DriftFinding acknowledged = site.askel.acknowledgeDriftFinding().acknowledge(site.ref, id(site, page, "renamed"));
            assertThat(acknowledged.needsAttention()).isFalse();
            assertThat(open(site, page, "renamed").needsAttention()).as("muted while nothing changes").isFalse();
            site.sandbox.renamePage(page.get("renamed"), DriftSandbox.BOB, "Crestview renamed (older)");
            assertThat(open(site, page, "renamed").needsAttention()).as("renamed again: it needs attention again").isTrue();
            site.askel.overwriteDriftFinding().overwrite(site.ref, id(site, page, "renamed"));
            assertThat(site.sandbox.findPage(page.get("renamed")).orElseThrow().title()).isEqualTo("Crestview renamed");

            site.askel.overwriteDriftFinding().overwrite(site.ref, id(site, page, "moved"));
            assertThat(site.sandbox.findPage(page.get("moved")).orElseThrow().parentId()).contains(parent);

            site.askel.overwriteDriftFinding().overwrite(site.ref, id(site, page, "unlabelled"));
            assertThat(site.sandbox.findPage(page.get("unlabelled")).orElseThrow().labels()).contains("customer-runbook");

            assertThatThrownBy(() -> site.askel.overwriteDriftFinding().overwrite(site.ref, id(site, page, "replaced")))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining(DriftSandbox.DIAGRAM).hasMessageContaining("SHA-256")
                    .hasMessageContaining("/runbooks/" + runbooks.get("replaced").runbook().orElseThrow() + "/attachments");
            site.askel.attachToRunbook().attach(site.ref, runbooks.get("replaced").runbook().orElseThrow(), DriftSandbox.diagram(), UploadProgressListener.NONE);
            assertThat(site.sandbox.findPage(page.get("replaced")).orElseThrow().attachments()).containsExactly(DriftSandbox.DIAGRAM);

            site.askel.adoptDriftFinding().adopt(site.ref, id(site, page, "deleted"));

            PageId trashed = PageId.of(page.get("trashed"));
            DriftFinding toSend = site.askel.overwriteDriftFinding().overwrite(site.ref, id(site, page, "trashed"));
            PageId recreated = site.askel.getRunbook().get(site.ref, runbooks.get("trashed").runbook().orElseThrow()).pageId().orElseThrow();
            assertThat(recreated).isNotEqualTo(trashed);
            // the connector keeps no copy of the diagram: the answer says to send it again, and it is missing until it is
            assertThat(toSend.kind()).isEqualTo(DriftKind.ATTACHMENT_MISSING);
            assertThat(toSend.pageId()).contains(recreated);
            assertThat(toSend.detail()).contains(DriftSandbox.DIAGRAM).contains("SHA-256");
            site.askel.attachToRunbook().attach(site.ref, runbooks.get("trashed").runbook().orElseThrow(), DriftSandbox.diagram(),
                    UploadProgressListener.NONE);

            List<DriftFinding> after = site.scan();
            assertThat(after).as("everything acted on is settled").isEmpty();
            List<AuditEvent> audited = site.askel.readAuditLog().read(AuditQuery.newest(site.connection.workspace())).entries().stream()
                    .map(AuditLogPage.AuditEntry::event).toList();
            assertThat(audited)
                    .extracting(e -> e.operation()).contains("drift.overwrite", "drift.adopt", "drift.acknowledge");
            assertThat(audited)
                    .filteredOn(e -> e.operation().equals("drift.overwrite") && e.page().equals(Optional.of(trashed))).singleElement()
                    .satisfies(e -> assertThat(e.outcome()).contains("published the runbook again").contains(DriftSandbox.DIAGRAM));
            assertThat(audited).as("what an overwrite replaced")
                    .filteredOn(e -> e.operation().equals("drift.overwrite") && e.page().equals(Optional.of(PageId.of(page.get("joined")))))
                    .singleElement().satisfies(e -> assertThat(e.outcome()).contains("put back the connector's body")
                            .contains("EDITED_IN_CONFLUENCE").contains("last edit by Bob"));
            assertThat(audited).filteredOn(e -> e.operation().equals("runbook.publish") && e.page().equals(Optional.of(PageId.of(page.get("inline")))))
                    .anySatisfy(e -> assertThat(e.outcome()).contains("updated (overwrote what changed in Confluence: EDITED_IN_CONFLUENCE")
                            .contains("'Crestview inline'").as("who edited, as the scan named them").contains("last edit by Bob"));
        }
    }

    private static String body(DriftSandbox site, String page) {
        return site.sandbox.findPage(page).orElseThrow().storage();
    }

    private static String name(Map<String, String> page, DriftFinding f) {
        String id = f.pageId().orElseThrow().value();
        return page.entrySet().stream().filter(e -> e.getValue().equals(id)).map(Map.Entry::getKey).findFirst().orElse(id);
    }

    private static DriftFinding finding(List<DriftFinding> found, Map<String, String> page, String name) {
        return found.stream().filter(f -> name(page, f).equals(name)).findFirst().orElseThrow();
    }

    private static DriftFinding open(DriftSandbox site, Map<String, String> page, String name) {
        return finding(site.scan(), page, name);
    }

    private static ai.askel.confluence.domain.DriftFindingId id(DriftSandbox site, Map<String, String> page, String name) {
        return finding(site.askel.checkDrift().openFindings(site.ref), page, name).id().orElseThrow();
    }
}
