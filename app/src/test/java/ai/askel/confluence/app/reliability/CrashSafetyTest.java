package ai.askel.confluence.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.ports.in.PublishResult;
import ai.askel.confluence.sandbox.ConfluenceSandbox;
import ai.askel.confluence.sandbox.RequestLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * kill -9 during a runbook publish, after the 1st, 2nd, 3rd or 4th write reached Confluence (the
 * parent's create, the page's create, the labels, the diagram's upload). Every request is slowed
 * so the kill lands between steps. After a restart on the same database, publishing again leaves
 * exactly one page with its labels and one upload of the diagram, and the database agrees.
 */
class CrashSafetyTest {
    private ConfluenceSandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = ConfluenceSandbox.builder().port(0).demoData().start(); // a fresh site: the parent page does not exist yet
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @ParameterizedTest(name = "killed after write {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void a_publish_killed_after_a_write_completes_once_after_restart(int writesBeforeKill, @TempDir Path dataDir) throws Exception {
        String title = "Crash " + writesBeforeKill;
        sandbox.faults().latency(Duration.ofMillis(150));
        Path childLog = dataDir.resolve("child.log");
        Process child = fork(dataDir, title, childLog);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
            while (successfulWrites() < writesBeforeKill) {
                assertThat(child.isAlive()).as("the child ended before the kill point: %s", read(childLog)).isTrue();
                assertThat(System.nanoTime()).as("kill point reached in time").isLessThan(deadline);
                Thread.sleep(2);
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        // after the last write only the database is left to do, so the child may have finished: either way the next publish must converge
        sandbox.faults().clear();
        Thread.sleep(200); // a request the child sent just before dying is still being answered

        try (Harness restarted = Harness.embedded(sandbox, dataDir, Harness.fastSettings(), false)) {
            PublishResult result = restarted.askel.publishRunbook().publish(restarted.runbook(title));

            restarted.assertPublishedOnce(title, result.pageId().orElseThrow());
            assertThat(restarted.rows("runbook")).isEqualTo(1);
            assertThat(restarted.rows("managed_page")).isEqualTo(2);
            assertThat(restarted.query("SELECT page_id, status FROM runbook", rs -> rs.getString(1) + "/" + rs.getString(2)))
                    .containsExactly(result.pageId().orElseThrow().value() + "/PUBLISHED");
        }
    }

    private long successfulWrites() {
        List<RequestLog.Entry> recent = sandbox.requestLog().recent();
        return recent.stream().filter(e -> !e.method().equals("GET") && e.status() >= 200 && e.status() < 300).count();
    }

    private Process fork(Path dataDir, String title, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                CrashingPublisher.class.getName(), sandbox.baseUrl(), dataDir.toString(), title)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
