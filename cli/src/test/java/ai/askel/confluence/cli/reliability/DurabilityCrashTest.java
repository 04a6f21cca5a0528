package ai.askel.confluence.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.cli.ServeProcess;
import ai.askel.confluence.cli.ServeProcess.Answer;
import ai.askel.confluence.sandbox.ConfluenceSandbox;
import ai.askel.confluence.sandbox.Permission;
import ai.askel.confluence.sandbox.RequestLog;
import ai.askel.confluence.sandbox.SandboxUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No acknowledged write is lost: the real {@code serve} in its own JVM ({@link ServeProcess}) performs
 * each kind of write, answers, and is killed with SIGKILL right after the answers arrived; restarted on
 * the same data directory (or PostgreSQL database), the write is there, and replaying its
 * Idempotency-Key returns the stored answer. A publish killed half-way is completed by its retry with
 * the same key once the dead request's lease ran out, never 409 for good. Several writes of different
 * kinds are sent at once in one process life, all answered within the same few milliseconds before the
 * kill, so each is proven without a JVM start of its own. And SIGTERM during 20 concurrent publishes
 * drains them: every answered publish is stored, no page twice, exit code 0 within the grace period.
 */
class DurabilityCrashTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] DIAGRAM = "\u0089PNG durable diagram".getBytes(StandardCharsets.ISO_8859_1);

    private ConfluenceSandbox sandbox;
    /** The output of every serve started by the test, shown when an assertion fails. */
    private final List<ServeProcess> lives = new ArrayList<>();
    private final ExecutorService clients = Executors.newFixedThreadPool(24);

    @BeforeEach
    void startSandbox() {
        sandbox = ConfluenceSandbox.builder().port(0).demoData().start();
        sandbox.addUser(new SandboxUser("cy@example.com", "cy-token", "557058:cy", "Cy Rotator"));
        sandbox.setPermission("cy@example.com", "INFRA", Permission.WRITE);
    }

    @AfterEach
    void stopSandbox() {
        clients.shutdownNow();
        sandbox.close();
    }

    @Test
    void on_h2_every_acknowledged_write_survives_kill_9_and_its_key_replays(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        ServeProcess.Builder serve = ServeProcess.builder().dataDirectory(data).logDirectory(dir);
        String h2 = "jdbc:h2:file:" + data.toAbsolutePath().resolve("askel");
        matrix(serve, () -> database(h2, "", ""));
    }

    @Test
    void on_postgresql_every_acknowledged_write_survives_kill_9_and_its_key_replays(@TempDir Path dir) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE askel_durable");
            }
            String url = postgres.getJdbcUrl("postgres", "askel_durable");
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            ServeProcess.Builder serve = ServeProcess.builder().dataDirectory(dir.resolve("data")).logDirectory(dir)
                    .database(url, "postgres", "", Base64.getEncoder().encodeToString(key));
            matrix(serve, () -> database(url, "postgres", ""));
        }
    }

    private ServeProcess start(ServeProcess.Builder serve) {
        ServeProcess started = serve.copy().start();
        lives.add(started);
        return started;
    }

    /** Five process lives; each write kind is answered, then the process is killed at once, then checked after the restart. */
    private void matrix(ServeProcess.Builder settings, Supplier<Connection> db) throws Exception {
        try {
            lives(settings, db);
        } catch (AssertionError e) {
            StringBuilder logs = new StringBuilder(e.getMessage());
            for (int i = 0; i < lives.size(); i++) {
                logs.append("\n--- serve life ").append(i + 1).append(" ---\n").append(lives.get(i).output());
            }
            throw new AssertionError(logs.toString(), e);
        }
    }

    private void lives(ServeProcess.Builder settings, Supplier<Connection> db) throws Exception {
        ServeProcess.Builder serve = settings.setting("ASKEL_ALLOWED_SITE_ORIGINS", sandbox.baseUrl())
                .setting("ASKEL_IDEMPOTENCY_LEASE", "PT1S").setting("ASKEL_CONFLUENCE_TIMEOUT", "PT10S");
        String register = json(Map.of("name", "rotating", "siteUrl", sandbox.baseUrl(), "email", "cy@example.com", "apiToken", "cy-token"));
        Answer registered;
        String rotating;
        String connection;

        String keys = "/api/v1/workspaces/" + ai.askel.confluence.domain.WorkspaceIds.DEFAULT.value() + "/api-keys";
        String keptKey;
        String revokedKey;

        // life 1: register two connections (one idempotent); Cy's is the one whose credentials rotate, Ada's does the page work;
        // create two API keys and revoke one of them
        try (ServeProcess first = start(serve)) {
            List<Answer> answers = all(
                    () -> first.post("/api/v1/connections", register, "Idempotency-Key", "register-1"),
                    () -> first.post("/api/v1/connections", json(Map.of("name", "pages", "siteUrl", sandbox.baseUrl(),
                            "email", "ada@example.com", "apiToken", "ada-token"))));
            Answer kept = first.post(keys, json(Map.of("name", "kept", "scope", "read")));
            Answer doomed = first.post(keys, json(Map.of("name", "doomed", "scope", "write")));
            Answer revoked = first.delete(keys + "/" + field(doomed, "id"));
            first.kill9();
            assertThat(answers).extracting(Answer::status).as("%s", answers).containsExactly(201, 201);
            assertThat(List.of(kept.status(), doomed.status(), revoked.status())).as("%s %s %s", kept, doomed, revoked)
                    .containsExactly(201, 201, 204);
            registered = answers.get(0);
            rotating = "/api/v1/connections/" + field(registered, "id");
            connection = "/api/v1/connections/" + field(answers.get(1), "id");
            keptKey = field(kept, "key");
            revokedKey = field(doomed, "key");
        }
        assertThat(auditOperations(db).stream().filter("connection.register"::equals).count()).isEqualTo(2);

        // life 2: rotate Cy's credentials, create two pages (one idempotent), publish a runbook (idempotent), all at once
        sandbox.setToken("cy@example.com", "cy-token-2"); // from now on only the rotated token works
        Answer pageA;
        Answer pageB;
        Answer published;
        try (ServeProcess second = start(serve)) {
            assertThat(second.getAs(keptKey, "/api/v1/connections").status()).as("the key created before the kill").isEqualTo(200);
            assertThat(second.getAs(revokedKey, "/api/v1/connections").status()).as("the key revoked before the kill").isEqualTo(401);
            assertReplayed(second.post("/api/v1/connections", register, "Idempotency-Key", "register-1"), registered);
            assertThat(second.get(connection).status()).isEqualTo(200);

            List<Answer> answers = all(
                    () -> second.put(rotating + "/credentials", json(Map.of("apiToken", "cy-token-2"))),
                    () -> second.post(connection + "/pages", page("Durable A"), "Idempotency-Key", "page-a"),
                    () -> second.post(connection + "/pages", page("Durable B")),
                    () -> second.post(connection + "/runbooks", runbook("Durable Runbook", "LIVE"), "Idempotency-Key", "publish-1"));
            second.kill9();
            assertThat(answers).extracting(Answer::status).as("%s", answers).containsExactly(200, 201, 201, 201);
            pageA = answers.get(1);
            pageB = answers.get(2);
            published = answers.get(3);
        }
        assertThat(auditOperations(db)).contains("connection.rotate-credentials", "page.create", "runbook.publish");
        String pageAPath = connection + "/pages/" + field(pageA, "id");
        String runbookPath = connection + "/runbooks/" + field(published, "id");

        // life 3: the rotated token is the stored one (the old one is refused by Confluence now); update, label, upload, republish
        Answer republished;
        try (ServeProcess third = start(serve)) {
            assertThat(third.get(rotating + "/spaces").status()).as("the rotated token was stored").isEqualTo(200);
            assertReplayed(third.post(connection + "/pages", page("Durable A"), "Idempotency-Key", "page-a"), pageA);
            assertReplayed(third.post(connection + "/runbooks", runbook("Durable Runbook", "LIVE"), "Idempotency-Key", "publish-1"), published);
            Answer runbook = third.get(runbookPath);
            assertThat(field(runbook, "status")).isEqualTo("PUBLISHED");
            assertThat(field(runbook, "pageId")).isEqualTo(field(published, "pageId"));

            List<Answer> answers = all(
                    () -> third.put(connection + "/pages/" + field(pageB, "id"),
                            json(Map.of("body", storage("<p>second version</p>"), "baseVersion", 1))),
                    () -> third.post(pageAPath + "/labels", json(Map.of("labels", List.of("durable")))),
                    () -> third.upload(pageAPath + "/attachments", "diagram.png", "image/png", DIAGRAM),
                    () -> third.post(connection + "/runbooks", runbook("Durable Runbook", "MAINTENANCE"), "Idempotency-Key", "publish-2"));
            third.kill9();
            assertThat(answers).extracting(Answer::status).as("%s", answers).containsExactly(200, 200, 201, 200);
            republished = answers.get(3);
        }
        assertThat(auditOperations(db)).contains("page.update", "labels.add", "attachment.upload");
        assertThat(auditOperations(db).stream().filter("runbook.publish"::equals).count()).isGreaterThanOrEqualTo(2);

        // life 4: the republish is stored; then a publish is killed half-way (after its first write reached Confluence)
        try (ServeProcess fourth = start(serve)) {
            assertThat(field(fourth.get(runbookPath), "version")).as("the republish was stored").isEqualTo("2");
            assertReplayed(fourth.post(connection + "/runbooks", runbook("Durable Runbook", "MAINTENANCE"), "Idempotency-Key", "publish-2"),
                    republished);
            sandbox.resetCounters();
            sandbox.faults().latency(Duration.ofMillis(300));
            Future<?> halfWay = clients.submit(() -> fourth.post(connection + "/runbooks", runbook("Durable Crash", "LIVE"),
                    "Idempotency-Key", "crash-1"));
            awaitWrites(1, Duration.ofSeconds(30));
            fourth.kill9();
            halfWay.cancel(true);
            sandbox.faults().clear();
        }

        // life 5: the retry with the same key completes the publish once the dead request's lease ran out
        try (ServeProcess fifth = start(serve)) {
            Answer retried = retryWhileInProgress(() -> fifth.post(connection + "/runbooks", runbook("Durable Crash", "LIVE"),
                    "Idempotency-Key", "crash-1"), Duration.ofSeconds(20));
            assertThat(retried.status()).as("%s", retried).isIn(200, 201);
            assertThat(sandbox.findPageId("INFRA", "Durable Crash")).contains(field(retried, "pageId"));
            assertReplayed(fifth.post(connection + "/runbooks", runbook("Durable Crash", "LIVE"), "Idempotency-Key", "crash-1"), retried);
            fifth.sigterm();
            assertThat(fifth.awaitExit(Duration.ofSeconds(60))).as(fifth.output()).isZero();
        }
    }

    @Test
    void sigterm_during_20_concurrent_publishes_answers_them_all_and_stores_each_once(@TempDir Path dir) throws Exception {
        // 20 publishes share the connection's 10 call slots; on a loaded machine a wait for a slot outlasted the default
        // 0.5 s and was refused (503 CONNECTION_BUSY), which is load shedding, not what this test is about: the drain
        ServeProcess.Builder serve = ServeProcess.builder().dataDirectory(dir.resolve("data")).logDirectory(dir)
                .setting("ASKEL_ALLOWED_SITE_ORIGINS", sandbox.baseUrl()).setting("ASKEL_SHUTDOWN_GRACE", "PT30S")
                .setting("ASKEL_CONFLUENCE_SLOT_WAIT", "PT10S");
        String connection;
        List<Answer> answers = new ArrayList<>();
        long stopMillis;
        try (ServeProcess first = start(serve)) {
            Answer registered = first.post("/api/v1/connections", json(Map.of("name", "drain", "siteUrl", sandbox.baseUrl(),
                    "email", "ada@example.com", "apiToken", "ada-token")));
            connection = "/api/v1/connections/" + field(registered, "id");
            assertThat(first.post(connection + "/runbooks", runbook("Drain parent warm-up", "LIVE")).status()).isEqualTo(201);
            sandbox.resetCounters();
            sandbox.faults().latency(Duration.ofMillis(150));

            List<CompletableFuture<Answer>> inFlight = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String title = "Drain " + i;
                inFlight.add(CompletableFuture.supplyAsync(() -> first.post(connection + "/runbooks", runbook(title, "LIVE")), clients));
            }
            awaitRequests(20, Duration.ofSeconds(30)); // every publish is being served
            long signalled = System.nanoTime();
            first.sigterm();
            for (CompletableFuture<Answer> answer : inFlight) {
                answers.add(answer.get());
            }
            int exit = first.awaitExit(Duration.ofSeconds(60));
            stopMillis = Duration.ofNanos(System.nanoTime() - signalled).toMillis();
            String log = first.output();
            assertThat(exit).as(log).isZero();
            assertThat(log).contains("Stopping: 1/3", "Stopping: 2/3", "Stopping: 3/3", "Stopped cleanly");
            assertThat(log.indexOf("HTTP API stopped")).as("the database closes after the HTTP API drained").isLessThan(log.indexOf("Stopping: 3/3"));
        } finally {
            sandbox.faults().clear();
        }
        assertThat(stopMillis).as("stopped within the grace period").isLessThan(30_000);
        assertThat(answers).extracting(Answer::status).as("%s", answers).containsOnly(201);

        try (ServeProcess second = start(serve)) {
            for (int i = 0; i < 20; i++) {
                Answer published = answers.get(i);
                Answer stored = second.get(connection + "/runbooks/" + field(published, "id"));
                assertThat(stored.status()).as("%s", stored).isEqualTo(200);
                assertThat(field(stored, "status")).isEqualTo("PUBLISHED");
                assertThat(field(stored, "pageId")).isEqualTo(field(published, "pageId"));
                assertThat(sandbox.findPageId("INFRA", "Drain " + i)).contains(field(published, "pageId"));
                Answer again = second.post(connection + "/runbooks", runbook("Drain " + i, "LIVE"));
                assertThat(again.status()).as("publishing again finds the stored page: %s", again).isEqualTo(200);
                assertThat(field(again, "pageId")).isEqualTo(field(published, "pageId"));
            }
        }
        assertThat(sandbox.requestLog().recent().stream().filter(e -> e.endpoint().equals("POST /wiki/api/v2/pages") && e.status() < 300)
                .count()).as("one page created per publish, none twice").isEqualTo(20);
    }

    // ---- helpers ----

    private static void assertReplayed(Answer replay, Answer original) {
        assertThat(replay.status()).as("%s", replay).isEqualTo(original.status());
        assertThat(replay.header("Idempotency-Replayed")).as("replayed, not run again: %s", replay).contains("true");
        assertThat(tree(replay.body())).isEqualTo(tree(original.body()));
    }

    /** Retries while the answer is 409 (the dead request's lease still runs); never 409 past the deadline. */
    private static Answer retryWhileInProgress(Supplier<Answer> request, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        Answer answer = request.get();
        while (answer.status() == 409 && System.nanoTime() < end) {
            Thread.sleep(200);
            answer = request.get();
        }
        return answer;
    }

    @SafeVarargs
    private List<Answer> all(Supplier<Answer>... requests) throws Exception {
        List<Future<Answer>> futures = new ArrayList<>();
        for (Supplier<Answer> request : requests) {
            futures.add(clients.submit(request::get));
        }
        List<Answer> answers = new ArrayList<>();
        for (Future<Answer> future : futures) {
            answers.add(future.get());
        }
        return answers;
    }

    private void awaitWrites(int writes, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (sandbox.requestLog().recent().stream().filter(e -> !e.method().equals("GET") && e.status() < 300).count() < writes) {
            assertThat(System.nanoTime()).as("a write reached Confluence in time").isLessThan(end);
            Thread.sleep(2);
        }
    }

    private void awaitRequests(int requests, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (sandbox.requestLog().recent().size() < requests) {
            assertThat(System.nanoTime()).as("the publishes reached Confluence in time").isLessThan(end);
            Thread.sleep(2);
        }
    }

    private static Connection database(String url, String user, String password) {
        try {
            return DriverManager.getConnection(url, user, password);
        } catch (SQLException e) {
            throw new IllegalStateException(url, e);
        }
    }

    /** The audit log's operations, read from the database while no connector runs. */
    private static List<String> auditOperations(Supplier<Connection> db) throws SQLException {
        try (Connection c = db.get(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT operation FROM audit_event")) {
            List<String> operations = new ArrayList<>();
            while (rs.next()) {
                operations.add(rs.getString(1));
            }
            return operations;
        }
    }

    private static String page(String title) {
        return json(Map.of("spaceKey", "INFRA", "title", title, "body", storage("<p>" + title + "</p>")));
    }

    private static Map<String, String> storage(String value) {
        return Map.of("representation", "storage", "value", value);
    }

    private static String runbook(String title, String status) {
        return json(Map.of("template", "customer-environment-runbook", "spaceKey", "INFRA", "title", title,
                "inputs", Map.of("environment", title, "customer", "Crestview Health", "status", status)));
    }

    private static String field(Answer answer, String name) {
        JsonNode value = tree(answer.body()).get(name);
        assertThat(value).as("%s in %s", name, answer).isNotNull();
        return value.asText();
    }

    private static JsonNode tree(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(body, e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<RequestLog.Entry> writes(ConfluenceSandbox sandbox) {
        return sandbox.requestLog().recent().stream().filter(e -> !e.method().equals("GET")).toList();
    }
}
