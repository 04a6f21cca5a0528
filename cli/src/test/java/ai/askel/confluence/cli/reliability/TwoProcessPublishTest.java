package ai.askel.confluence.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.cli.ServeProcess;
import ai.askel.confluence.sandbox.ConfluenceSandbox;
import ai.askel.confluence.sandbox.SandboxPage;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two connector processes ({@code serve}, each its own JVM, so no lock in memory is shared) on one
 * PostgreSQL race 20 first publishes of one runbook with its diagram over HTTP: one page, each label
 * once, one upload of the diagram (one attachment version), one runbook row.
 */
class TwoProcessPublishTest {
    private static final String UPLOADS = "/wiki/rest/api/content/{id}/child/attachment";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void twenty_first_publishes_racing_across_two_serve_processes_make_one_page_with_each_label_and_the_diagram_once(
            @TempDir Path a, @TempDir Path b) throws Exception {
        try (ConfluenceSandbox sandbox = ConfluenceSandbox.builder().port(0).demoData().start();
             EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE askel_race");
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            ServeProcess.Builder instance = ServeProcess.builder().jvmOption("-XX:TieredStopAtLevel=1")
                    .database(postgres.getJdbcUrl("postgres", "askel_race"), "postgres", "", Base64.getEncoder().encodeToString(key))
                    .setting("ASKEL_ALLOWED_SITE_ORIGINS", sandbox.baseUrl());
            try (ServeProcess first = instance.copy().dataDirectory(a).start(); ServeProcess second = instance.copy().dataDirectory(b).start()) {
                ServeProcess.Answer connection = first.post("/api/v1/connections", JSON.writeValueAsString(
                        Map.of("name", "crestview", "siteUrl", sandbox.baseUrl(), "email", "ada@example.com", "apiToken", "ada-token")));
                assertThat(connection.status()).as(connection.body()).isEqualTo(201);
                String runbooks = "/api/v1/connections/" + JSON.readTree(connection.body()).get("id").asText() + "/runbooks";
                sandbox.resetCounters();

                List<ServeProcess.Answer> answers = race(20, i -> publish(i % 2 == 0 ? first : second, runbooks));

                assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(200, 201));
                String pageId = sandbox.findPageId("INFRA", "Crestview Race").orElseThrow();
                assertThat(answers).allSatisfy(r -> assertThat(JSON.readTree(r.body()).get("pageId").asText()).isEqualTo(pageId));
                SandboxPage page = sandbox.findPage(pageId).orElseThrow();
                assertThat(page.labels()).containsExactlyInAnyOrder("auto-generated", "customer-runbook");
                assertThat(page.attachments()).containsExactly("architecture.png");
                assertThat(sandbox.requestLog().recent().stream().filter(e -> e.endpoint().endsWith(UPLOADS) && e.status() == 200).count())
                        .as("one upload: one version of the diagram").isEqualTo(1);
                assertThat(page.storage()).contains("ri:filename=\"architecture.png\"").doesNotContain("Diagram not attached");
                try (Connection c = postgres.getDatabase("postgres", "askel_race").getConnection(); Statement st = c.createStatement();
                     var rs = st.executeQuery("SELECT COUNT(*), MIN(page_id), MIN(status) FROM runbook")) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(1);
                    assertThat(rs.getString(2)).isEqualTo(pageId);
                    assertThat(rs.getString(3)).isEqualTo("PUBLISHED");
                }
            }
        }
    }

    private static ServeProcess.Answer publish(ServeProcess serve, String path) throws Exception {
        String request = JSON.writeValueAsString(Map.of("template", "customer-environment-runbook", "spaceKey", "INFRA",
                "title", "Crestview Race", "inputs", Map.of("environment", "Crestview Race", "customer", "Crestview Health",
                        "status", "LIVE", "architectureDiagram", "architecture.png")));
        return serve.postWithFile(path, request, "architecture.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
    }

    interface Task<T> {
        T run(int i) throws Exception;
    }

    /** Runs n tasks released together and answers their results. */
    private static <T> List<T> race(int n, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int id = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return task.run(id);
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(2, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
