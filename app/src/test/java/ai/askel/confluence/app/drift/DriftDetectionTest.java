package ai.askel.confluence.app.drift;

import ai.askel.confluence.app.AskelHttpApi;
import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.domain.DriftPolicy;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.RunbookStatus;
import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.WorkspaceIds;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.ports.in.PublishOutcome;
import ai.askel.confluence.ports.in.PublishResult;
import ai.askel.confluence.ports.in.RotateCredentialsCommand;
import ai.askel.confluence.sandbox.Permission;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every kind of drift, made in the sandbox the way a person makes it in Confluence, found by a scan
 * through the real adapters, reported over HTTP, and resolved when the cause goes away.
 */
class DriftDetectionTest {
    @TempDir
    Path dataDir;

    private DriftSandbox site;
    private PublishResult published;
    private String page;

    @BeforeEach
    void publishARunbook() {
        site = new DriftSandbox(dataDir);
        published = site.publish("Crestview Production", DriftPolicy.FAIL, true);
        page = published.pageId().orElseThrow().value();
        assertThat(site.scan()).isEmpty();
    }

    @AfterEach
    void close() {
        site.close();
    }

    private RunbookStatus runbookStatus() {
        return site.askel.getRunbook().get(site.ref, published.runbook().orElseThrow()).status();
    }

    private List<DriftFinding> resolvedFindings() {
        return site.askel.checkDrift().openFindings(site.ref);
    }

    @Test
    void an_edit_by_another_user_is_found_with_its_author_reported_over_http_refused_by_fail_and_resolved_by_overwrite() throws Exception {
        site.sandbox.editPage(page, DriftSandbox.BOB, "<p>Bob's own procedure</p>");

        var server = AskelHttpApi.server(site.askel).start();
        try {
            String key = site.askel.manageApiKeys().create(WorkspaceIds.DEFAULT, "drift test").key().reveal();
            String base = "http://127.0.0.1:" + server.port();
            JsonNode scanned = call(HttpRequest.newBuilder(URI.create(base + "/api/v1/connections/" + site.connection.id().value() + "/drift/scan"))
                    .POST(HttpRequest.BodyPublishers.noBody()), key);
            JsonNode listed = call(HttpRequest.newBuilder(URI.create(base + "/api/v1/connections/" + site.connection.id().value() + "/drift")).GET(), key);
            JsonNode workspace = call(HttpRequest.newBuilder(URI.create(base + "/api/v1/drift")).GET(), key);

            for (JsonNode answer : List.of(scanned, listed, workspace)) {
                assertThat(answer.get("results")).hasSize(1);
                JsonNode finding = answer.get("results").get(0);
                assertThat(finding.get("kind").asText()).isEqualTo("EDITED_IN_CONFLUENCE");
                assertThat(finding.get("pageId").asText()).isEqualTo(page);
                assertThat(finding.get("detail").asText()).contains("version 2").contains("(last edit by Bob)")
                        .doesNotContain(DriftSandbox.BOB_ACCOUNT);
                assertThat(finding.get("connectionId").asText()).isEqualTo(site.connection.id().value());
            }
        } finally {
            server.close();
        }
        assertThat(runbookStatus()).isEqualTo(RunbookStatus.DRIFTED);

        assertThatThrownBy(() -> site.publish("Crestview Production", DriftPolicy.FAIL, true))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DRIFT_DETECTED);
                    assertThat(e.getMessage()).contains("edited").contains("nothing was overwritten")
                            .as("the refusal names who edited, as the scan's finding does").contains("last edit by Bob")
                            .doesNotContain(DriftSandbox.BOB_ACCOUNT);
                });
        assertThat(site.sandbox.findPage(page).orElseThrow().storage()).contains("Bob's own procedure");
        PublishResult skipped = site.publish("Crestview Production", DriftPolicy.SKIP, true);
        assertThat(skipped.outcome()).isEqualTo(PublishOutcome.SKIPPED);
        assertThat(site.sandbox.findPage(page).orElseThrow().storage()).contains("Bob's own procedure");

        PublishResult overwritten = site.publish("Crestview Production", DriftPolicy.OVERWRITE, true);

        assertThat(overwritten.outcome()).isEqualTo(PublishOutcome.UPDATED);
        assertThat(overwritten.driftOverridden()).extracting(DriftFinding::kind).containsExactly(DriftKind.EDITED_IN_CONFLUENCE);
        assertThat(resolvedFindings()).isEmpty();
        assertThat(runbookStatus()).isEqualTo(RunbookStatus.PUBLISHED);
        assertThat(site.scan()).isEmpty();
    }

    private static JsonNode call(HttpRequest.Builder request, String key) throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request.header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    @Test
    void a_failed_name_lookup_never_fails_the_scan_the_finding_names_the_account_id_instead() {
        site.sandbox.editPage(page, DriftSandbox.BOB, "<p>Bob's own procedure</p>");
        // Confluence answers 404 to a user who may not view profiles
        site.sandbox.faults().failNext("POST", "/wiki/api/v2/users-bulk", 404, 1);

        List<DriftFinding> found = site.scan();

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(DriftKind.EDITED_IN_CONFLUENCE);
            assertThat(f.detail()).contains("(last edit by account " + DriftSandbox.BOB_ACCOUNT + ")");
        });
        assertThat(site.scan()).singleElement().satisfies(f -> assertThat(f.detail()).contains("(last edit by Bob)"));
    }

    @Test
    void confluence_re_serialising_the_body_is_not_an_edit_and_the_page_is_not_read_again() {
        String stored = site.sandbox.findPage(page).orElseThrow().storage();
        String reserialised = "\n  " + stored
                .replaceAll("<(\\w[\\w:-]*) ([\\w:-]+=\"[^\"]*\") ([\\w:-]+=\"[^\"]*\")", "<$1 $3 $2")
                .replaceAll("<(\\w[\\w:-]*)([^<>]*)></\\1>", "<$1$2 />")
                .replace("><", ">\n    <") + "\n";
        assertThat(reserialised).isNotEqualTo(stored);
        site.sandbox.editPage(page, DriftSandbox.BOB, reserialised);

        assertThat(site.scan()).isEmpty();

        site.sandbox.resetCounters();
        assertThat(site.scan()).isEmpty();
        assertThat(reads(page)).as("the new version holds the connector's content: it is the baseline now").isZero();
    }

    private long reads(String pageId) {
        return site.sandbox.requestLog().recent().stream()
                .filter(e -> e.method().equals("GET") && e.path().equals("/wiki/api/v2/pages/" + pageId)).count();
    }

    @Test
    void a_rename_and_a_move_are_found_and_resolved_when_put_back() {
        String parent = site.sandbox.findPage(page).orElseThrow().parentId().orElseThrow();
        site.sandbox.renamePage(page, DriftSandbox.BOB, "Crestview Production (old)");
        site.sandbox.movePage(page, site.sandbox.homepageId("INFRA"), DriftSandbox.BOB);

        List<DriftFinding> found = site.scan();

        assertThat(found).extracting(DriftFinding::kind).containsExactlyInAnyOrder(DriftKind.RENAMED, DriftKind.MOVED);
        assertThat(found).allSatisfy(f -> assertThat(f.pageId()).contains(PageId.of(page)));

        site.sandbox.renamePage(page, DriftSandbox.BOB, "Crestview Production");
        site.sandbox.movePage(page, parent, DriftSandbox.BOB);
        assertThat(site.scan()).isEmpty();
        assertThat(runbookStatus()).isEqualTo(RunbookStatus.PUBLISHED);
    }

    @Test
    void a_trashed_parent_is_one_event_naming_the_pages_confluence_moved_up_and_the_next_publish_never_writes_under_it() {
        String parent = site.sandbox.findPage(page).orElseThrow().parentId().orElseThrow();
        site.sandbox.trashPage(parent, DriftSandbox.BOB);
        assertThat(site.sandbox.findPage(page).orElseThrow().parentId()).as("Confluence moves the children up")
                .contains(site.sandbox.homepageId("INFRA"));

        List<DriftFinding> found = site.scan();

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(DriftKind.DELETED);
            assertThat(f.pageId()).contains(PageId.of(parent));
            assertThat(f.detail()).contains("parent page 'Customer Environments'").contains("moved the 1 managed pages under it up")
                    .contains("'Crestview Production' (page " + page + ")");
        });

        PublishResult next = site.publish("Crestview Staging", DriftPolicy.FAIL, false);
        String newParent = site.sandbox.findPage(next.pageId().orElseThrow().value()).orElseThrow().parentId().orElseThrow();
        assertThat(newParent).isNotEqualTo(parent);
        assertThat(site.sandbox.findPage(newParent).orElseThrow().status()).isEqualTo("current");
    }

    @Test
    void a_moved_parent_is_one_moved_finding_on_the_parent_and_overwrite_puts_it_back() {
        String parent = site.sandbox.findPage(page).orElseThrow().parentId().orElseThrow();
        String home = site.sandbox.homepageId("INFRA");
        assertThat(site.sandbox.findPage(parent).orElseThrow().parentId()).contains(home);
        String archive = site.sandbox.createPage("INFRA", home, "Archive", "<p>Old things</p>", DriftSandbox.BOB);
        site.sandbox.movePage(parent, archive, DriftSandbox.BOB);

        List<DriftFinding> found = site.scan();

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(DriftKind.MOVED);
            assertThat(f.pageId()).contains(PageId.of(parent));
            assertThat(f.detail()).contains("parent page 'Customer Environments' (page " + parent + ") was moved")
                    .contains("from under 'Infrastructure Home' (page " + home + ")").contains("to under 'Archive' (page " + archive + ")");
        });
        site.askel.overwriteDriftFinding().overwrite(site.ref, found.get(0).id().orElseThrow());
        assertThat(site.sandbox.findPage(parent).orElseThrow().parentId()).contains(home);
        assertThat(site.scan()).isEmpty();
    }

    @Test
    void putting_back_a_title_another_page_took_is_a_conflict_naming_that_page() {
        site.sandbox.renamePage(page, DriftSandbox.BOB, "Crestview Production (old)");
        String taker = site.sandbox.createPage("INFRA", "Crestview Production", "<p>Bob's page</p>", DriftSandbox.BOB);

        assertThatThrownBy(() -> site.publish("Crestview Production", DriftPolicy.OVERWRITE, true))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(e.getMessage()).contains("'Crestview Production (old)' (page " + page + ")")
                            .contains("page " + taker + " (http").contains("has it now");
                });
        DriftFinding renamed = site.scan().stream().filter(f -> f.kind() == DriftKind.RENAMED).findFirst().orElseThrow();
        assertThatThrownBy(() -> site.askel.overwriteDriftFinding().overwrite(site.ref, renamed.id().orElseThrow()))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.getMessage()).contains("page " + taker));
    }

    @Test
    void a_parent_trashed_since_the_last_scan_is_never_published_under() {
        String parent = site.sandbox.findPage(page).orElseThrow().parentId().orElseThrow();
        site.sandbox.trashPage(parent, DriftSandbox.BOB);

        PublishResult next = site.publish("Crestview Staging", DriftPolicy.FAIL, false);

        String newParent = site.sandbox.findPage(next.pageId().orElseThrow().value()).orElseThrow().parentId().orElseThrow();
        assertThat(newParent).isNotEqualTo(parent);
        assertThat(site.sandbox.findPage(newParent).orElseThrow()).satisfies(p -> {
            assertThat(p.status()).isEqualTo("current");
            assertThat(p.title()).isEqualTo("Customer Environments");
        });
    }

    @Test
    void a_trashed_page_is_deleted_drift_and_an_overwriting_publish_creates_it_again() {
        site.sandbox.editPage(page, DriftSandbox.BOB, "<p>Bob's last words</p>");
        assertThat(site.scanKinds()).containsExactly(DriftKind.EDITED_IN_CONFLUENCE);
        site.sandbox.trashPage(page, DriftSandbox.BOB);

        // the edit is superseded by the deletion: one finding, not two
        assertThat(site.scanKinds()).containsExactly(DriftKind.DELETED);
        assertThatThrownBy(() -> site.publish("Crestview Production", DriftPolicy.FAIL, true))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DRIFT_DETECTED));

        PublishResult again = site.publish("Crestview Production", DriftPolicy.OVERWRITE, true);

        assertThat(again.driftOverridden()).extracting(DriftFinding::kind).containsExactly(DriftKind.DELETED);
        assertThat(again.pageId()).isPresent().isNotEqualTo(Optional.of(PageId.of(page)));
        assertThat(site.scan()).isEmpty();
    }

    @Test
    void a_removed_label_is_found_refused_by_fail_and_resolved_when_added_back_or_overwritten() {
        site.sandbox.removeLabel(page, "customer-runbook");

        assertThat(site.scan()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(DriftKind.LABELS_REMOVED);
            assertThat(f.detail()).contains("customer-runbook");
        });
        assertThatThrownBy(() -> site.publish("Crestview Production", DriftPolicy.FAIL, true))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.getMessage()).contains("customer-runbook"));

        site.sandbox.addLabels(page, "customer-runbook");
        assertThat(site.scan()).isEmpty();

        site.sandbox.removeLabel(page, "auto-generated");
        assertThat(site.scanKinds()).containsExactly(DriftKind.LABELS_REMOVED);
        PublishResult overwritten = site.publish("Crestview Production", DriftPolicy.OVERWRITE, true);
        assertThat(overwritten.driftOverridden()).extracting(DriftFinding::kind).containsExactly(DriftKind.LABELS_REMOVED);
        assertThat(site.sandbox.findPage(page).orElseThrow().labels()).contains("auto-generated");
        assertThat(resolvedFindings()).isEmpty();
        assertThat(site.scan()).isEmpty();
    }

    @Test
    void a_replaced_or_deleted_attachment_is_found_and_an_overwriting_publish_uploads_it_again() {
        site.sandbox.replaceAttachment(page, DriftSandbox.DIAGRAM, "Bob's diagram, a different file".getBytes(StandardCharsets.UTF_8),
                DriftSandbox.BOB);

        assertThat(site.scan()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(DriftKind.ATTACHMENT_REPLACED);
            assertThat(f.detail()).contains(DriftSandbox.DIAGRAM);
        });
        assertThatThrownBy(() -> site.publish("Crestview Production", DriftPolicy.FAIL, true))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.getMessage()).contains(DriftSandbox.DIAGRAM));
        PublishResult overwritten = site.publish("Crestview Production", DriftPolicy.OVERWRITE, true);
        assertThat(overwritten.plan().attachmentsToUpload()).containsExactly(DriftSandbox.DIAGRAM);
        assertThat(site.scan()).isEmpty();

        site.sandbox.deleteAttachment(page, DriftSandbox.DIAGRAM, DriftSandbox.BOB);
        assertThat(site.scanKinds()).containsExactly(DriftKind.ATTACHMENT_MISSING);
        site.publish("Crestview Production", DriftPolicy.OVERWRITE, true);
        assertThat(site.sandbox.findPage(page).orElseThrow().attachments()).containsExactly(DriftSandbox.DIAGRAM);
        assertThat(site.scan()).isEmpty();
    }

    @Test
    void a_revoked_token_is_found_and_resolved_after_rotation() {
        site.sandbox.revokeToken(DriftSandbox.ADA);

        assertThat(site.scanKinds()).containsExactly(DriftKind.CREDENTIALS_REJECTED);

        site.sandbox.setToken(DriftSandbox.ADA, "ada-token-2");
        site.askel.rotateCredentials().rotate(new RotateCredentialsCommand(site.ref, Optional.empty(), Secret.of("ada-token-2", "apiToken"),
                Optional.empty()));
        assertThat(site.scan()).isEmpty();
    }

    @Test
    void a_token_near_its_expiry_date_is_found_and_resolved_by_a_rotation_with_a_later_date() {
        site.askel.rotateCredentials().rotate(new RotateCredentialsCommand(site.ref, Optional.empty(), Secret.of("ada-token", "apiToken"),
                Optional.of(site.today().plusDays(3))));

        assertThat(site.scan()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(DriftKind.TOKEN_EXPIRING);
            assertThat(f.detail()).contains(site.today().plusDays(3).toString());
        });

        site.askel.rotateCredentials().rotate(new RotateCredentialsCommand(site.ref, Optional.empty(), Secret.of("ada-token", "apiToken"),
                Optional.of(site.today().plusDays(300))));
        assertThat(site.scan()).isEmpty();
    }

    @Test
    void a_space_the_user_can_no_longer_see_is_one_finding_not_a_deleted_page_each_and_resolves_when_access_is_back() {
        site.sandbox.setPermission(DriftSandbox.ADA, "INFRA", Permission.NONE);

        assertThat(site.scan()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(DriftKind.SPACE_MISSING);
            assertThat(f.detail()).contains("INFRA");
        });

        site.sandbox.setPermission(DriftSandbox.ADA, "INFRA", Permission.WRITE);
        assertThat(site.scan()).isEmpty();
    }

    @Test
    void a_space_made_read_only_for_the_user_is_permission_lost_found_without_writing_and_resolved_when_write_is_back() {
        site.sandbox.setPermission(DriftSandbox.ADA, "INFRA", Permission.READ);
        site.sandbox.resetCounters();

        assertThat(site.scan()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(DriftKind.PERMISSION_LOST);
            assertThat(f.detail()).contains("no longer edit").contains("INFRA").contains("connection 'crestview'");
        });
        assertThat(site.sandbox.requestLog().recent()).allSatisfy(call -> assertThat(call.method()).isEqualTo("GET"));

        site.sandbox.setPermission(DriftSandbox.ADA, "INFRA", Permission.WRITE);
        assertThat(site.scan()).isEmpty();
    }

    @Test
    void a_publish_that_may_read_the_page_but_no_longer_write_it_fails_with_permission_lost_not_not_found() {
        site.sandbox.setPermission(DriftSandbox.ADA, "INFRA", Permission.READ);

        // v2 answers 404 to the PUT of a page the user may only view
        assertThatThrownBy(() -> site.publishFull("Crestview Production", DriftPolicy.FAIL))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PERMISSION_LOST);
                    assertThat(e.getMessage()).contains("'Crestview Production' (page " + page).contains(DriftSandbox.ADA)
                            .contains("space INFRA").contains("no longer change it");
                });
        // and to the POST of a page under a parent the user may only view
        assertThatThrownBy(() -> site.publish("Crestview Staging", DriftPolicy.FAIL, false))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PERMISSION_LOST);
                    assertThat(e.getMessage()).contains("'Customer Environments'").contains("add pages under it");
                });
        site.sandbox.setPermission(DriftSandbox.ADA, "INFRA", Permission.WRITE);

        // a page restriction: Confluence answers 403 to the PUT
        site.sandbox.restrictEditing(page, DriftSandbox.BOB);
        assertThatThrownBy(() -> site.publishFull("Crestview Production", DriftPolicy.FAIL))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PERMISSION_LOST));
        assertThat(site.sandbox.findPage(page).orElseThrow().version()).as("nothing was written").isEqualTo(1);

        site.sandbox.restrictEditing(page);
        assertThat(site.publishFull("Crestview Production", DriftPolicy.FAIL).outcome()).isEqualTo(PublishOutcome.UPDATED);
    }

    @Test
    void a_page_not_in_the_search_index_yet_is_read_directly_and_not_reported_deleted() {
        site.sandbox.indexDelay(Duration.ofMinutes(10));
        PublishResult fresh = site.publish("Crestview Staging", DriftPolicy.FAIL, false);

        site.sandbox.resetCounters();
        assertThat(site.scan()).isEmpty();
        assertThat(reads(fresh.pageId().orElseThrow().value())).isEqualTo(1);
    }
}
