package ai.askel.confluence.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftFindingId;
import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.domain.DriftPolicy;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.PublishRunbookCommand;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The console's forms over HTTP: the signed-in key's scope applies as in the API (a read key looks, a write key acts,
 * an admin key audits), and the drift page's actions reach their use cases.
 */
class ConsoleActionsTest {
    private final TestServer api = new TestServer();
    private final ConsoleClient console = new ConsoleClient(api);

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void a_read_key_sees_the_console_but_every_change_is_403_and_nothing_is_done() throws Exception {
        ConsoleClient.Session session = signIn(FakeConnector.READ_KEY_A);

        assertThat(session.get("/console/connections").statusCode()).isEqualTo(200);
        int readsSoFar = api.fake.calls.size();
        HttpResponse<String> scan = session.post("/console/drift/scan", "");
        HttpResponse<String> connect = session.post("/console/connect", "&siteUrl=https%3A%2F%2Fx.atlassian.net&email=a%40b.c&apiToken=t");

        assertThat(scan.statusCode()).isEqualTo(403);
        assertThat(scan.body()).contains("may only read");
        assertThat(connect.statusCode()).isEqualTo(403);
        assertThat(api.fake.calls).as("no use case ran for the refused forms").hasSize(readsSoFar);
    }

    @Test
    void the_audit_log_is_for_admin_keys_only() throws Exception {
        ConsoleClient.Session writer = signIn(FakeConnector.WRITE_KEY_A);
        ConsoleClient.Session admin = signIn(FakeConnector.KEY_A);

        assertThat(writer.get("/console/audit").statusCode()).isEqualTo(403);
        assertThat(writer.get("/console/connections").body()).doesNotContain("href=\"/console/audit\"");
        assertThat(admin.get("/console/audit").statusCode()).isEqualTo(200);
        assertThat(admin.get("/console/connections").body()).contains("href=\"/console/audit\"");
    }

    @Test
    void a_write_key_may_act() throws Exception {
        api.fake.addConnection(FakeConnector.WORKSPACE_A, "Acme");
        ConsoleClient.Session session = signIn(FakeConnector.WRITE_KEY_A);

        HttpResponse<String> scan = session.post("/console/drift/scan", "");

        assertThat(scan.statusCode()).as("%s", scan.body()).isEqualTo(303);
        assertThat(api.fake.calls).contains("scan");
    }

    @Test
    void the_drift_page_offers_acknowledge_and_adopt_and_each_reaches_its_use_case() throws Exception {
        var connection = api.fake.addConnection(FakeConnector.WORKSPACE_A, "Acme");
        ConsoleClient.Session session = signIn(FakeConnector.WRITE_KEY_A);
        String finding = Long.toString(FakeConnector.DRIFT_FINDING.value());

        String page = session.get("/console/drift").body();
        HttpResponse<String> acknowledged = session.post("/console/drift/acknowledge",
                "&connection=" + connection.id().value() + "&finding=" + finding);
        HttpResponse<String> unknown = session.post("/console/drift/adopt", "&connection=" + connection.id().value() + "&finding=999");

        assertThat(page).contains("action=\"/console/drift/acknowledge\"").contains("name=\"finding\" value=\"" + finding + "\"");
        assertThat(acknowledged.statusCode()).isEqualTo(303);
        assertThat(api.fake.calls).contains("drift acknowledge");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void the_connections_page_shows_each_connections_last_drift_scan() throws Exception {
        api.fake.addConnection(FakeConnector.WORKSPACE_A, "Acme");

        String page = signIn(FakeConnector.READ_KEY_A).get("/console/connections").body();

        assertThat(page).contains("Last drift scan").contains("completed; 1 open finding now");
    }

    @Test
    void a_finding_settled_since_the_last_scan_no_longer_counts_on_the_connections_page() throws Exception {
        var connection = api.fake.addConnection(FakeConnector.WORKSPACE_A, "Acme");
        ConsoleClient.Session session = signIn(FakeConnector.WRITE_KEY_A);

        session.post("/console/drift/adopt", "&connection=" + connection.id().value() + "&finding=" + FakeConnector.DRIFT_FINDING.value());
        String page = session.get("/console/connections").body();

        assertThat(page).contains("completed; 0 open findings now");
    }

    @Test
    void revoking_the_key_ends_its_console_sessions_at_their_next_request() throws Exception {
        api.fake.addConnection(FakeConnector.WORKSPACE_A, "Acme");
        ConsoleClient.Session writer = signIn(FakeConnector.WRITE_KEY_A);
        ConsoleClient.Session admin = signIn(FakeConnector.KEY_A);

        api.fake.revokedPrefixes.add("ask_live_wwww");
        api.fake.revokedPrefixes.add("ask_live_aaaa");
        HttpResponse<String> page = writer.get("/console/connections");
        HttpResponse<String> scan = writer.post("/console/drift/scan", "");
        HttpResponse<String> audit = admin.get("/console/audit");

        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).contains("/console/sign-in?revoked=1");
        assertThat(page.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("askel_console=;"));
        assertThat(scan.statusCode()).isEqualTo(401);
        assertThat(audit.statusCode()).isEqualTo(303);
        assertThat(api.fake.scanned).as("the revoked key's scan did not run").isEmpty();
        api.fake.revokedPrefixes.clear();
        assertThat(writer.get("/console/connections").statusCode()).as("the ended session stays ended").isEqualTo(303);
    }

    @Test
    void scan_now_scans_every_connection_when_one_fails_and_shows_the_drift_page() throws Exception {
        var down = api.fake.addConnection(FakeConnector.WORKSPACE_A, "Down");
        var up = api.fake.addConnection(FakeConnector.WORKSPACE_A, "Up");
        api.fake.unreachable.add(down.id());
        ConsoleClient.Session session = signIn(FakeConnector.WRITE_KEY_A);

        HttpResponse<String> scan = session.post("/console/drift/scan", "");
        String page = session.get("/console/drift").body();

        assertThat(scan.statusCode()).as("%s", scan.body()).isEqualTo(303);
        assertThat(scan.headers().firstValue("Location")).contains("/console/drift");
        assertThat(api.fake.scanned).containsExactly(down.id(), up.id());
        assertThat(page).contains("Scanned 2 connections").contains("Down could not be scanned");
    }

    @Test
    void overwriting_a_moved_page_puts_it_back_through_the_findings_overwrite() throws Exception {
        var connection = api.fake.addConnection(FakeConnector.WORKSPACE_A, "Acme");
        publishRunbook(connection.id().value());
        api.fake.findingKind = DriftKind.MOVED;
        ConsoleClient.Session session = signIn(FakeConnector.WRITE_KEY_A);
        String finding = Long.toString(FakeConnector.DRIFT_FINDING.value());
        long publishesBefore = api.fake.callsOf(PublishRunbookCommand.class);

        String page = session.get("/console/drift").body();
        HttpResponse<String> overwritten = session.post("/console/drift/overwrite",
                "&connection=" + connection.id().value() + "&finding=" + finding);
        String after = session.get("/console/drift").body();

        assertThat(page).contains("action=\"/console/drift/overwrite\"").contains("name=\"finding\" value=\"" + finding + "\"");
        assertThat(overwritten.statusCode()).as("%s", overwritten.body()).isEqualTo(303);
        assertThat(api.fake.calls).contains("drift overwrite");
        assertThat(api.fake.callsOf(PublishRunbookCommand.class)).as("no republish that cannot move the page").isEqualTo(publishesBefore);
        assertThat(after).contains("Crestview Production").contains("resolved").doesNotContain("unchanged");
    }

    @Test
    void overwriting_a_deleted_page_that_carried_files_says_it_was_published_again_and_which_files_to_attach() throws Exception {
        var connection = api.fake.addConnection(FakeConnector.WORKSPACE_A, "Acme");
        publishRunbook(connection.id().value());
        api.fake.findingKind = DriftKind.DELETED;
        api.fake.overwriteOpens = Optional.of(new DriftFinding(Optional.of(new DriftFindingId(99)), connection.id(),
                Optional.of(PageId.of("1002")), DriftKind.ATTACHMENT_MISSING, "diagram.png is missing from page 1002", FakeConnector.NOW,
                FakeConnector.NOW, Optional.empty(), Optional.empty()));
        ConsoleClient.Session session = signIn(FakeConnector.WRITE_KEY_A);

        HttpResponse<String> overwritten = session.post("/console/drift/overwrite",
                "&connection=" + connection.id().value() + "&finding=" + FakeConnector.DRIFT_FINDING.value());
        String after = session.get("/console/drift").body();

        assertThat(overwritten.statusCode()).as("%s", overwritten.body()).isEqualTo(303);
        assertThat(after).contains("again from its stored inputs").contains("again: the connector keeps no copy")
                .doesNotContain("Nothing was put back");
    }

    @Test
    void an_attachment_finding_offers_no_overwrite_and_says_the_file_must_be_uploaded_again() throws Exception {
        var connection = api.fake.addConnection(FakeConnector.WORKSPACE_A, "Acme");
        publishRunbook(connection.id().value());
        api.fake.findingKind = DriftKind.ATTACHMENT_MISSING;
        ConsoleClient.Session session = signIn(FakeConnector.WRITE_KEY_A);

        String page = session.get("/console/drift").body();
        HttpResponse<String> forged = session.post("/console/drift/overwrite",
                "&connection=" + connection.id().value() + "&finding=" + FakeConnector.DRIFT_FINDING.value());

        assertThat(page).doesNotContain("action=\"/console/drift/overwrite\"").contains("keeps no copy of the file")
                .contains("onDrift=overwrite");
        assertThat(forged.statusCode()).as("invalid input").isEqualTo(422);
        assertThat(forged.body()).doesNotContain("Overwrote");
        assertThat(api.fake.calls).doesNotContain("drift overwrite");
    }

    @Test
    void a_token_expiring_finding_offers_to_rotate_the_token() throws Exception {
        var connection = api.fake.addConnection(FakeConnector.WORKSPACE_A, "Acme");
        api.fake.findingKind = DriftKind.TOKEN_EXPIRING;

        String page = signIn(FakeConnector.WRITE_KEY_A).get("/console/drift").body();

        assertThat(page).contains("href=\"/console/connections/" + connection.id().value() + "/rotate\"")
                .contains("action=\"/console/drift/acknowledge\"");
    }

    private void publishRunbook(String connection) {
        api.fake.publish(new PublishRunbookCommand(new ConnectionRef(FakeConnector.WORKSPACE_A, ai.askel.confluence.domain.ConnectionId.of(connection)),
                SpaceKey.of("INFRA"), Optional.empty(), Title.of("Crestview Production"), "customer-environment",
                new TemplateInputs(Map.of("customer", "Crestview")), Optional.empty(), List.of(), DriftPolicy.FAIL, false));
    }

    private ConsoleClient.Session signIn(String key) throws IOException, InterruptedException {
        return console.signIn(key);
    }
}
