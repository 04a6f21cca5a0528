package ai.askel.confluence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.app.reliability.Harness;
import ai.askel.confluence.sandbox.ConfluenceSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code runbook publish-batch} and {@code jobs get|list|cancel} on the embedded database against the sandbox. */
class PublishBatchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private ConfluenceSandbox sandbox;
    private CliRunner cli;

    @BeforeEach
    void start() throws Exception {
        sandbox = ConfluenceSandbox.builder().port(0).demoData().start();
        Path config = temp.resolve("askel.properties");
        Files.writeString(config, "askel.allowed-site-origins=" + sandbox.baseUrl() + "\naskel.jobs.poll-interval=PT0.05S\n");
        cli = new CliRunner(temp.resolve("data"), config);
        CliRunner.Result added = cli.run(Optional.of(Harness.ADA_TOKEN), "connections", "add", "--name", "crestview", "--site",
                sandbox.baseUrl(), "--email", "ada@example.com", "--token-stdin");
        assertThat(added.exit()).as(added.toString()).isZero();
        Files.write(temp.resolve(Harness.DIAGRAM), Harness.DIAGRAM_BYTES);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private Path batch(String prefix, int size) throws Exception {
        Path file = temp.resolve(prefix + ".ndjson");
        Files.writeString(file, IntStream.range(0, size).mapToObj(i -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("spaceKey", "INFRA");
            line.put("title", prefix + " " + i);
            line.put("inputs", Harness.inputs(prefix + " " + i).values());
            line.put("attachments", List.of(Map.of("path", Harness.DIAGRAM, "mediaType", "image/png")));
            try {
                return JSON.writeValueAsString(line);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.joining("\n")) + "\n");
        return file;
    }

    @Test
    void publish_batch_runs_the_job_with_a_progress_bar_and_prints_a_summary() throws Exception {
        CliRunner.Result run = cli.run("runbook", "publish-batch", "--file", batch("Batch", 4).toString());

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.err()).contains("[").contains("4/4");
        assertThat(run.out()).contains("completed: 4 succeeded, 0 failed, 0 cancelled of 4");
        IntStream.range(0, 4).forEach(i -> assertThat(sandbox.findPage(sandbox.findPageId("INFRA", "Batch " + i).orElseThrow())
                .orElseThrow().attachments()).containsExactly(Harness.DIAGRAM));

        CliRunner.Result json = cli.run("--json", "jobs", "list");
        assertThat(json.exit()).as(json.toString()).isZero();
        JsonNode jobs = JSON.readTree(json.out());
        assertThat(jobs).hasSize(1);
        assertThat(jobs.get(0).get("state").asText()).isEqualTo("completed");
        String id = jobs.get(0).get("id").asText();

        CliRunner.Result get = cli.run("--json", "jobs", "get", id, "--limit", "2");
        JsonNode view = JSON.readTree(get.out());
        assertThat(view.get("items")).hasSize(2);
        assertThat(view.get("items").get(0).get("outcome").asText()).isEqualTo("created");
        assertThat(view.get("nextFrom").asInt()).isEqualTo(2);
    }

    @Test
    void detach_only_submits_and_a_cancel_stops_the_job_before_any_item_runs() throws Exception {
        CliRunner.Result detached = cli.run("--json", "runbook", "publish-batch", "--detach", "--file", batch("Later", 3).toString());

        assertThat(detached.exit()).as(detached.toString()).isZero();
        JsonNode job = JSON.readTree(detached.out());
        assertThat(job.get("state").asText()).isEqualTo("queued");
        String id = job.get("id").asText();

        CliRunner.Result cancelled = cli.run("--json", "jobs", "cancel", id);
        assertThat(cancelled.exit()).as(cancelled.toString()).isZero();
        assertThat(JSON.readTree(cancelled.out()).get("state").asText()).isEqualTo("cancelled");
        assertThat(JSON.readTree(cancelled.out()).get("counts").get("cancelled").asInt()).isEqualTo(3);
        assertThat(sandbox.findPageId("INFRA", "Later 0")).isEmpty();
    }

    @Test
    void a_bad_line_is_refused_naming_the_file_and_line() throws Exception {
        Path file = temp.resolve("bad.ndjson");
        Files.writeString(file, "{\"spaceKey\": \"INFRA\", \"title\": \"Fine\"}\n{not json}\n");

        CliRunner.Result run = cli.run("runbook", "publish-batch", "--file", file.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("bad.ndjson line 2");
    }
}
