package ai.askel.confluence.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.cli.Main;
import ai.askel.confluence.sandbox.ConfluenceSandbox;
import ai.askel.confluence.sandbox.SandboxPage;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two connector processes ({@code serve}, each its own JVM, so no lock in memory is shared) on one
 * PostgreSQL race 20 first publishes of one runbook with its diagram over HTTP: one page, each label
 * once, one upload of the diagram (one attachment version), one runbook row.
 */
class TwoProcessPublishTest {
    private static final String API_KEY = "ask_TwoProcs_" + "0123456789abcdefghijABCDEFGHIJkl";
    private static final Pattern SERVING = Pattern.compile("serving (http://\\S+)/api/v1");
    private static final String UPLOADS = "/wiki/rest/api/content/{id}/child/attachment";
    private static final Duration START_DEADLINE = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

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
            Map<String, String> env = Map.of("ASKEL_DATABASE_URL", postgres.getJdbcUrl("postgres", "askel_race"),
                    "ASKEL_DATABASE_USER", "postgres", "ASKEL_MASTER_KEY", Base64.getEncoder().encodeToString(key),
                    "ASKEL_BOOTSTRAP_API_KEY", API_KEY, "ASKEL_ALLOWED_SITE_ORIGINS", sandbox.baseUrl());
            List<Process> processes = new ArrayList<>();
            try {
                String first = serve(env, a, processes);
                String second = serve(env, b, processes);
                HttpResponse<String> connection = send(HttpRequest.newBuilder(URI.create(first + "/api/v1/connections"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                                Map.of("name", "crestview", "siteUrl", sandbox.baseUrl(), "email", "ada@example.com", "apiToken", "ada-token")))));
                assertThat(connection.statusCode()).as(connection.body()).isEqualTo(201);
                String runbooks = "/api/v1/connections/" + JSON.readTree(connection.body()).get("id").asText() + "/runbooks";
                sandbox.resetCounters();

                List<HttpResponse<String>> answers = race(20, i -> publish((i % 2 == 0 ? first : second) + runbooks));

                assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isIn(200, 201));
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
            } finally {
                processes.forEach(Process::destroyForcibly);
                for (Process p : processes) {
                    p.waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    /** Starts {@code serve} in its own JVM and answers its base URL once it says it is serving. */
    private static String serve(Map<String, String> env, Path dataDir, List<Process> processes) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "serve", "--port", "0").redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("ASKEL_DATA_DIR", dataDir.toString());
        Process process = builder.start();
        processes.add(process);
        StringBuilder seen = new StringBuilder();
        CompletableFuture<String> base = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            // reads the child's output to its end, so it never blocks on a full pipe
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    synchronized (seen) {
                        if (seen.length() < 20_000) {
                            seen.append(line).append('\n');
                        }
                    }
                    Matcher m = SERVING.matcher(line);
                    if (m.find()) {
                        base.complete(m.group(1));
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            base.complete(null);
        }, "serve-output");
        reader.setDaemon(true);
        reader.start();
        String url;
        try {
            url = base.get(START_DEADLINE.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            url = null;
        }
        synchronized (seen) {
            assertThat(url).as("serve did not start within %s (alive: %s):%n%s", START_DEADLINE, process.isAlive(), seen).isNotNull();
        }
        return url;
    }

    private static HttpResponse<String> publish(String url) throws Exception {
        String request = JSON.writeValueAsString(Map.of("template", "customer-environment-runbook", "spaceKey", "INFRA",
                "title", "Crestview Race", "inputs", Map.of("environment", "Crestview Race", "customer", "Crestview Health",
                        "status", "LIVE", "architectureDiagram", "architecture.png")));
        String boundary = "race-boundary-5c2e";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"request\"\r\nContent-Type: application/json\r\n\r\n"
                + request + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"architecture.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.header("Authorization", "Bearer " + API_KEY).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
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
