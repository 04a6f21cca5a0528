package ai.askel.confluence.cli.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.app.AskelConfluence;
import ai.askel.confluence.app.reliability.Harness;
import ai.askel.confluence.cli.ServeProcess;
import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.WorkspaceIds;
import ai.askel.confluence.ports.in.RegisterConnectionCommand;
import ai.askel.confluence.sandbox.ConfluenceSandbox;
import ai.askel.confluence.sandbox.RequestLog;
import ai.askel.confluence.sandbox.SandboxPage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three real {@code serve} processes (forked JVMs) on one embedded PostgreSQL, against one sandbox:
 * the periodic drift scan runs once per occurrence for the whole cluster; a 300-runbook batch
 * submitted to one instance completes although another is killed with SIGKILL mid-batch, leaving
 * exactly one page per runbook with its labels and diagram once and every item's result recorded;
 * a cancel stops new items and leaves no half-written page. One class, one cluster: JVM starts are
 * the expensive part.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutTest {
    private static final String USER_CURRENT = "GET /wiki/rest/api/user/current";
    /** A first publish adds its file create-only (POST); a PUT would add a version to a file already there. */
    private static final String ATTACH_NEW = "POST /wiki/rest/api/content/{id}/child/attachment";
    private static final String ATTACH_VERSION = "PUT /wiki/rest/api/content/{id}/child/attachment";
    private static final Duration SCAN_INTERVAL = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Created in {@link #startCluster()}: a {@code @TempDir} field is not injected before a per-class {@code @BeforeAll}. */
    private Path dir;

    private EmbeddedPostgres postgres;
    private ConfluenceSandbox sandbox;
    private String connectionId;
    private final List<ServeProcess> instances = new ArrayList<>();

    @BeforeAll
    void startCluster() throws Exception {
        dir = Files.createTempDirectory("askel-scaleout-");
        postgres = EmbeddedPostgres.builder().start();
        try (java.sql.Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE askel_cluster");
        }
        String url = postgres.getJdbcUrl("postgres", "askel_cluster");
        sandbox = ConfluenceSandbox.builder().port(0).demoData().start();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String masterKey = Base64.getEncoder().encodeToString(key);

        // the connection, registered once (it migrates the schema too); the instances share it through the database
        try (AskelConfluence admin = AskelConfluence.builder().dataDirectory(dir.resolve("admin")).database(url, "postgres", "")
                .masterKeyBase64(masterKey).allowSiteOrigin(sandbox.baseUrl()).build()) {
            Connection connection = admin.registerConnection().register(new RegisterConnectionCommand(WorkspaceIds.DEFAULT, "cluster",
                    sandbox.baseUrl(), "ada@example.com", Secret.of(Harness.ADA_TOKEN, "apiToken"), Optional.empty(), Optional.empty()));
            connectionId = connection.id().value();
        }

        ServeProcess.Builder instance = ServeProcess.builder().jvmOption("-XX:TieredStopAtLevel=1").jvmOption("-Xmx256m")
                .logDirectory(dir).database(url, "postgres", "", masterKey)
                .setting("ASKEL_DATABASE_POOL_SIZE", "6")
                .setting("ASKEL_ALLOWED_SITE_ORIGINS", sandbox.baseUrl())
                .setting("ASKEL_DRIFT_SCAN_INTERVAL", SCAN_INTERVAL.toString())
                .setting("ASKEL_JOB_THREADS", "4")
                .setting("ASKEL_JOB_POLL_INTERVAL", "PT0.1S")
                .setting("ASKEL_JOB_HEARTBEAT", "PT0.5S")
                .setting("ASKEL_JOB_MISSED_HEARTBEATS", "4") // a dead instance's items run elsewhere after about 2 s
                .setting("ASKEL_JOB_RETRY_BACKOFF", "PT0.2S")
                .setting("ASKEL_JOB_SHUTDOWN_WAIT", "PT2S")
                .setting("ASKEL_CONFLUENCE_TIMEOUT", "PT5S");
        for (int i = 1; i <= 3; i++) {
            instances.add(instance.copy().setting("ASKEL_DATA_DIR", dir.resolve("data-" + i).toString()).start());
        }
    }

    @AfterAll
    void stopCluster() throws Exception {
        instances.forEach(ServeProcess::sigterm);
        for (ServeProcess instance : instances) {
            try {
                instance.awaitExit(Duration.ofSeconds(15));
            } catch (IllegalStateException stillRunning) {
                instance.kill9();
            }
        }
        if (sandbox != null) {
            sandbox.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private JsonNode job(ServeProcess from, String id, int limit) throws Exception {
        ServeProcess.Answer answer = from.get("/api/v1/jobs/" + id + "?limit=" + limit);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static String ndjson(String prefix, int size) {
        String diagram = Base64.getEncoder().encodeToString(Harness.DIAGRAM_BYTES);
        return IntStream.range(0, size).mapToObj(i -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("template", "customer-environment-runbook");
            item.put("spaceKey", "INFRA");
            item.put("title", prefix + " " + i);
            item.put("inputs", Harness.inputs(prefix + " " + i).values());
            item.put("attachments", List.of(Map.of("fileName", Harness.DIAGRAM, "mediaType", "image/png", "contentBase64", diagram)));
            try {
                return JSON.writeValueAsString(item);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.joining("\n"));
    }

    private String submit(ServeProcess to, String body, String idempotencyKey) throws Exception {
        ServeProcess.Answer answer = to.send("POST", "/api/v1/connections/" + connectionId + "/runbooks/batch", body,
                "application/x-ndjson", "Idempotency-Key", idempotencyKey);
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        JsonNode job = JSON.readTree(answer.body());
        String id = job.get("id").asText();
        assertThat(job.get("location").asText()).isEqualTo("/api/v1/jobs/" + id);
        if (answer.header("Idempotency-Replayed").isEmpty()) {
            assertThat(answer.header("Location")).contains("/api/v1/jobs/" + id); // a replay carries the stored body only
        }
        return id;
    }

    private JsonNode awaitFinal(ServeProcess from, String id, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode job = job(from, id, 1).get("job");
            String state = job.get("state").asText();
            if (state.equals("completed") || state.equals("cancelled")) {
                return job;
            }
            assertThat(System.nanoTime()).as("job %s finished in time: %s", id, job).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private void assertPublishedOnce(String title) {
        String id = sandbox.findPageId("INFRA", title).orElseThrow(() -> new AssertionError("no page '" + title + "'"));
        SandboxPage page = sandbox.findPage(id).orElseThrow();
        assertThat(page.labels()).as(title).containsExactlyInAnyOrder("auto-generated", "customer-runbook");
        assertThat(page.attachments()).as(title).containsExactly(Harness.DIAGRAM);
    }

    @Test
    @Order(1)
    void each_scan_occurrence_runs_on_one_instance_of_three() throws Exception {
        Thread.sleep(1_000); // every instance is polling by now
        Instant from = Instant.now();
        sandbox.resetCounters();
        Thread.sleep(10_000);
        List<Instant> scans = sandbox.requestLog().recent().stream().filter(e -> e.endpoint().equals(USER_CURRENT))
                .map(RequestLog.Entry::at).filter(at -> !at.isBefore(from)).sorted().toList();

        // a scan checks the credentials once per connection: one call per occurrence, every 2 s (after the previous one ended)
        assertThat(scans).as("scan occurrences in 10 s at a 2 s interval (three instances each scanning would make 15)")
                .hasSizeBetween(2, 6);
        for (int i = 1; i < scans.size(); i++) {
            assertThat(Duration.between(scans.get(i - 1), scans.get(i))).as("occurrences are an interval apart, never doubled: %s", scans)
                    .isGreaterThan(SCAN_INTERVAL.minusMillis(300));
        }
    }

    @Test
    @Order(2)
    void a_batch_completes_once_although_an_instance_is_killed_mid_batch() throws Exception {
        int size = 300;
        sandbox.faults().latency(Duration.ofMillis(5));
        sandbox.resetCounters();
        ServeProcess receiver = instances.get(0);
        ServeProcess victim = instances.get(1);
        String body = ndjson("Scale", size);

        String id = submit(receiver, body, "scale-batch-1");
        assertThat(submit(receiver, body, "scale-batch-1")).as("the same Idempotency-Key answers the same job").isEqualTo(id);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (job(receiver, id, 1).get("job").get("counts").get("succeeded").asInt() < 60) {
            assertThat(System.nanoTime()).as("the batch got going").isLessThan(deadline);
            Thread.sleep(50);
        }
        victim.kill9(); // SIGKILL: no shutdown hook; its items in flight are left RUNNING in the queue
        assertThat(victim.output()).as("the victim had taken part").isNotEmpty();

        JsonNode done = awaitFinal(receiver, id, Duration.ofSeconds(180));
        assertThat(done.get("state").asText()).isEqualTo("completed");
        assertThat(done.get("counts").get("succeeded").asInt()).as("%s", done).isEqualTo(size);
        assertThat(done.get("counts").get("failed").asInt()).isZero();

        JsonNode items = job(instances.get(2), id, 1000).get("items");
        assertThat(items).hasSize(size);
        for (JsonNode item : items) {
            assertThat(item.get("state").asText()).isEqualTo("succeeded");
            assertThat(item.get("pageId").asText()).isNotBlank();
            assertThat(item.get("outcome").asText()).isIn("created", "unchanged", "updated");
        }
        for (int i = 0; i < size; i++) {
            assertPublishedOnce("Scale " + i);
        }
        // one attachment per page is asserted above; an item retried after the kill may POST its file again and be
        // refused (the file is there, so it is adopted), but never adds a version
        assertThat(sandbox.requestLog().count(ATTACH_NEW)).as("each diagram added create-only").isGreaterThanOrEqualTo(size);
        assertThat(sandbox.requestLog().count(ATTACH_VERSION)).as("no diagram uploaded again as a new version").isZero();
        assertThat(IntStream.range(0, size).mapToObj(i -> sandbox.findPageId("INFRA", "Scale " + i).orElseThrow()).distinct().count())
                .isEqualTo(size);
    }

    @Test
    @Order(3)
    void cancel_stops_new_items_and_leaves_no_half_written_page() throws Exception {
        int size = 120;
        sandbox.faults().latency(Duration.ofMillis(30));
        ServeProcess receiver = instances.get(2);
        String id = submit(receiver, ndjson("Cancel", size), "scale-cancel-1");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (job(receiver, id, 1).get("job").get("counts").get("succeeded").asInt() < 10) {
            assertThat(System.nanoTime()).as("the batch got going").isLessThan(deadline);
            Thread.sleep(20);
        }

        ServeProcess.Answer cancelled = instances.get(0).post("/api/v1/jobs/" + id + "/cancel", null);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        JsonNode done = awaitFinal(receiver, id, Duration.ofSeconds(60));

        assertThat(done.get("state").asText()).isEqualTo("cancelled");
        int succeeded = done.get("counts").get("succeeded").asInt();
        assertThat(done.get("counts").get("cancelled").asInt()).isPositive();
        assertThat(succeeded + done.get("counts").get("cancelled").asInt()).isEqualTo(size);
        Thread.sleep(1_000);
        assertThat(job(receiver, id, 1).get("job").get("counts")).as("nothing starts after the cancel settled").isEqualTo(done.get("counts"));
        List<String> pages = IntStream.range(0, size).mapToObj(i -> "Cancel " + i)
                .filter(t -> sandbox.findPageId("INFRA", t).isPresent()).toList();
        assertThat(pages).as("a page for each item that ran, none for a cancelled one").hasSize(succeeded);
        pages.forEach(this::assertPublishedOnce);
    }
}
