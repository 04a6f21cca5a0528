package ai.askel.confluence.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The console's forms over HTTP: the signed-in key's scope applies as in the API (a read key looks, a write key acts,
 * an admin key audits), and the drift page's actions reach their use cases.
 */
class ConsoleActionsTest {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final TestServer api = new TestServer();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void a_read_key_sees_the_console_but_every_change_is_403_and_nothing_is_done() throws Exception {
        Session session = signIn(FakeConnector.READ_KEY_A);

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
        Session writer = signIn(FakeConnector.WRITE_KEY_A);
        Session admin = signIn(FakeConnector.KEY_A);

        assertThat(writer.get("/console/audit").statusCode()).isEqualTo(403);
        assertThat(writer.get("/console/connections").body()).doesNotContain("href=\"/console/audit\"");
        assertThat(admin.get("/console/audit").statusCode()).isEqualTo(200);
        assertThat(admin.get("/console/connections").body()).contains("href=\"/console/audit\"");
    }

    @Test
    void a_write_key_may_act() throws Exception {
        api.fake.addConnection(FakeConnector.WORKSPACE_A, "Acme");
        Session session = signIn(FakeConnector.WRITE_KEY_A);

        HttpResponse<String> scan = session.post("/console/drift/scan", "");

        assertThat(scan.statusCode()).as("%s", scan.body()).isEqualTo(303);
        assertThat(api.fake.calls).contains("scan");
    }

    @Test
    void the_drift_page_offers_acknowledge_and_adopt_and_each_reaches_its_use_case() throws Exception {
        var connection = api.fake.addConnection(FakeConnector.WORKSPACE_A, "Acme");
        Session session = signIn(FakeConnector.WRITE_KEY_A);
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
        Session session = signIn(FakeConnector.WRITE_KEY_A);

        session.post("/console/drift/adopt", "&connection=" + connection.id().value() + "&finding=" + FakeConnector.DRIFT_FINDING.value());
        String page = session.get("/console/connections").body();

        assertThat(page).contains("completed; 0 open findings now");
    }

    private Session signIn(String key) throws IOException, InterruptedException {
        HttpResponse<String> form = client.send(HttpRequest.newBuilder(api.uri("/console/sign-in")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String signInCookie = cookie(form, "askel_console_signin");
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(api.uri("/console/sign-in"))
                .header("Cookie", "askel_console_signin=" + signInCookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf(form.body()) + "&apiKey=" + URLEncoder.encode(key, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as("sign-in answer: %s", signedIn.body()).isEqualTo(303);
        Session session = new Session(cookie(signedIn, "askel_console"));
        session.csrf = csrf(session.get("/console/connections").body());
        return session;
    }

    private static String cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst().orElseThrow();
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a form with a CSRF token in %s", html).isTrue();
        return m.group(1);
    }

    private final class Session {
        private final String id;
        private String csrf;

        Session(String id) {
            this.id = id;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
            return client.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf + form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest.Builder request(String path) {
            URI uri = api.uri(path);
            return HttpRequest.newBuilder(uri).header("Cookie", "askel_console=" + id).timeout(Duration.ofSeconds(10));
        }
    }
}
