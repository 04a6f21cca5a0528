package ai.askel.confluence.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxMainTest {

    @Test
    void starts_from_a_seed_file_and_prints_the_url_and_the_demo_users_credentials(@TempDir Path dir)
            throws Exception {
        Path seed = dir.resolve("seed.json");
        Files.writeString(seed, "{\"users\":[{\"email\":\"ops@example.com\",\"token\":\"ops-token\","
                + "\"accountId\":\"557058:ops\",\"displayName\":\"Ops\"}],"
                + "\"spaces\":[{\"key\":\"OPS\",\"name\":\"Operations\",\"anonymousRead\":true}],"
                + "\"pages\":[{\"space\":\"OPS\",\"title\":\"Intro\",\"body\":\"h1. Hi\",\"representation\":\"wiki\","
                + "\"labels\":[\"Start\"]},{\"space\":\"OPS\",\"title\":\"Child\",\"parent\":\"Intro\"}],"
                + "\"rateLimit\":{\"requests\":50,\"windowSeconds\":10},\"indexDelayMs\":25}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ConfluenceSandbox sandbox = SandboxMain.start(new String[] {"--port", "0", "--seed", seed.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8))) {
            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(printed).contains("Confluence sandbox running at " + sandbox.baseUrl())
                    .contains("Demo user: ops@example.com / API token: ops-token");
            String intro = sandbox.findPageId("OPS", "Intro").orElseThrow();
            SandboxPage child = sandbox.findPage(sandbox.findPageId("OPS", "Child").orElseThrow()).orElseThrow();
            assertThat(child.parentId()).contains(intro);
            assertThat(sandbox.findPage(intro).orElseThrow().storage()).isEqualTo("<h1>Hi</h1>");
            assertThat(sandbox.findPage(intro).orElseThrow().labels()).containsExactly("start");
            assertThat(sandbox.rateLimits().describe()).containsEntry("requests", 50);
            assertThat(sandbox.indexDelay().toMillis()).isEqualTo(25);
            assertThat(TestClient.anonymous(sandbox).get("/wiki/api/v2/pages/" + intro).status()).isEqualTo(200);
        }
    }

    @Test
    void without_a_seed_it_starts_the_demo_site() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ConfluenceSandbox sandbox = SandboxMain.start(new String[] {"--port", "0"},
                new PrintStream(out, true, StandardCharsets.UTF_8))) {
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("ada@example.com / API token: ada-token");
            assertThat(sandbox.findPageId("INFRA", "Runbooks")).isPresent();
            assertThat(sandbox.findPageId("ENG", "Release notes")).isPresent();
        }
    }

    @Test
    void unknown_options_and_a_seed_page_with_an_unknown_parent_are_rejected() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SandboxMain.start(new String[] {"--bogus", "1"}, out))
                .hasMessageContaining("unknown option --bogus");
        assertThatThrownBy(() -> ConfluenceSandbox.builder().seedJson("{\"users\":[{\"email\":\"a@b\",\"token\":"
                + "\"t\",\"accountId\":\"1:a\",\"displayName\":\"A\"}],\"spaces\":[{\"key\":\"X\",\"name\":\"X\"}],"
                + "\"pages\":[{\"space\":\"X\",\"title\":\"T\",\"parent\":\"Missing\"}]}").start())
                .hasMessageContaining("unknown parent 'Missing'");
    }
}
