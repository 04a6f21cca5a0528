package ai.askel.confluence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.sandbox.ConfluenceSandbox;
import ai.askel.confluence.sandbox.SandboxPage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command of the command line, run in-process against the Confluence sandbox with a temporary
 * data directory and a properties file that allows the sandbox's origin.
 */
class AskelCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path temp;
    private static ConfluenceSandbox sandbox;
    private static CliRunner cli;
    private static String connectionId;

    @BeforeAll
    static void start() throws IOException {
        sandbox = ConfluenceSandbox.builder().port(0).demoData().start();
        Path config = temp.resolve("askel.properties");
        Files.writeString(config, "askel.allowed-site-origins=" + sandbox.baseUrl() + "\naskel.http.port=0\n");
        cli = new CliRunner(temp.resolve("data"), config);
        CliRunner.Result added = cli.run(Optional.of("ada-token\n"), "--json", "connections", "add", "--name", "crestview",
                "--site", sandbox.baseUrl(), "--email", "ada@example.com", "--token-stdin");
        assertThat(added.exit()).as("%s", added).isZero();
        connectionId = json(added).get("id").asText();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static JsonNode json(CliRunner.Result r) {
        assertThat(r.exit()).as("%s", r).isZero();
        try {
            return JSON.readTree(r.out());
        } catch (IOException e) {
            throw new AssertionError("--json printed no single JSON document:\n" + r, e);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void assertOneLineError(CliRunner.Result r, String... contains) {
        assertThat(r.exit()).as("%s", r).isNotZero();
        assertThat(r.err().strip().lines()).as("%s", r).hasSize(1);
        assertThat(r.err()).startsWith("error").contains(contains).doesNotContain("Exception", "\tat ", "ada-token");
    }

    @Test
    void connections_are_added_listed_verified_and_removed() {
        JsonNode list = json(cli.run("--json", "connections", "list"));
        assertThat(list).extracting(n -> n.get("id").asText()).contains(connectionId);
        assertThat(list.toString()).doesNotContain("ada-token");

        JsonNode verified = json(cli.run("--json", "connections", "verify", "crestview"));
        assertThat(verified.get("accountId").asText()).isNotBlank();

        JsonNode bob = json(cli.run(Optional.of("bob-token"), "--json", "connections", "add", "--name", "bob", "--site", sandbox.baseUrl(),
                "--email", "bob@example.com", "--token-stdin"));
        assertThat(json(cli.run("--json", "connections", "remove", "bob")).get("removed").asText()).isEqualTo(bob.get("id").asText());
        assertThat(json(cli.run("--json", "connections", "list"))).extracting(n -> n.get("name").asText()).containsExactly("crestview");
        CliRunner.Result human = cli.run("connections", "list");
        assertThat(human.out()).contains("crestview", sandbox.baseUrl());
    }

    @Test
    void wrong_credentials_a_missing_page_and_a_bad_option_print_one_line_and_exit_non_zero() {
        assertOneLineError(cli.run(Optional.of("wrong-token"), "connections", "add", "--name", "wrong", "--site", sandbox.baseUrl(),
                "--email", "ada@example.com", "--token-stdin"), "CREDENTIALS_REJECTED");
        assertOneLineError(cli.run("--json", "page", "get", "999999999"), "NOT_FOUND");
        assertOneLineError(cli.run(Optional.of("some-token"), "connections", "add", "--name", "x", "--site", "https://evil.example.com",
                "--email", "a@b.example", "--token-stdin"), "SITE_NOT_ALLOWED");
        assertOneLineError(cli.run("connections", "add", "--name", "x", "--site", sandbox.baseUrl(), "--email", "a@b.example",
                "--token-stdin"), "no API token on standard input");
        CliRunner.Result unknown = cli.run("page", "get", "--no-such-option", "1");
        assertThat(unknown.exit()).isEqualTo(2);
        assertOneLineError(unknown, "--no-such-option", "askel-confluence page get --help");
        assertOneLineError(cli.run("page", "create", "--title", "no space"), "--space");
    }

    @Test
    void a_file_option_naming_a_missing_file_a_directory_or_bad_json_prints_one_line_and_exits_2() throws IOException {
        Path missing = temp.resolve("no-such-file.xhtml");
        Path notJson = Files.writeString(temp.resolve("inputs.json"), "{\"name\": ");
        List<CliRunner.Result> results = List.of(
                cli.run("page", "create", "--space", "INFRA", "--title", "T", "--body-file", missing.toString()),
                cli.run("page", "create", "--space", "INFRA", "--title", "T", "--markdown-file", missing.toString()),
                cli.run("page", "update", "1", "--body-file", temp.toString()),
                cli.run("runbook", "publish", "--space", "INFRA", "--title", "T", "--inputs-file", missing.toString()),
                cli.run("runbook", "publish", "--space", "INFRA", "--title", "T", "--inputs-file", notJson.toString()),
                cli.run("runbook", "publish", "--space", "INFRA", "--title", "T", "--body-file", temp.toString()));

        assertThat(results).allSatisfy(r -> {
            assertOneLineError(r, "--");
            assertThat(r.exit()).as("%s", r).isEqualTo(2);
        });
        assertThat(results.get(0).err()).contains("--body-file", "no-such-file.xhtml", "no such file");
        assertThat(results.get(2).err()).contains("is a directory");
        assertThat(results.get(4).err()).contains("--inputs-file", "is not a JSON object");
    }

    private static String[] withLabels(int count, String option, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        for (int i = 1; i <= count; i++) {
            if (option != null) {
                args.add(option);
            }
            args.add("label-" + i);
        }
        return args.toArray(String[]::new);
    }

    @Test
    void one_label_more_than_the_most_prints_one_line_naming_labels_and_exits_2() {
        String page = json(cli.run("--json", "page", "create", "--space", "INFRA", "--title", "CLI Most Labels", "--body", "<p/>"))
                .get("id").asText();
        List<CliRunner.Result> results = List.of(
                cli.run(withLabels(51, "--label", "page", "create", "--space", "INFRA", "--title", "CLI Too Many Labels", "--body", "<p/>")),
                cli.run(withLabels(51, "--label", "runbook", "publish", "--space", "INFRA", "--title", "CLI Too Many Labels")),
                cli.run(withLabels(51, null, "labels", "add", page)));

        assertThat(results).allSatisfy(r -> {
            assertOneLineError(r, "error [INVALID_INPUT]: labels: at most 50 labels, got 51");
            assertThat(r.exit()).as("%s", r).isEqualTo(2);
        });
        assertThat(json(cli.run(withLabels(50, null, "--json", "labels", "add", page))).get("labels")).hasSize(50);
    }

    @Test
    void one_attachment_more_than_the_most_prints_one_line_naming_attachments_and_exits_2() throws IOException {
        List<String> args = new ArrayList<>(List.of("runbook", "publish", "--space", "INFRA", "--title", "CLI Too Many Files"));
        for (int i = 1; i <= 21; i++) {
            args.add("--attach");
            args.add(Files.writeString(temp.resolve("file-" + i + ".txt"), "file " + i).toString());
        }

        CliRunner.Result r = cli.run(args.toArray(String[]::new));

        assertOneLineError(r, "error [INVALID_INPUT]: attachments: at most 20 files per publish, got 21");
        assertThat(r.exit()).as("%s", r).isEqualTo(2);
    }

    @Test
    void spaces_are_listed_as_json_and_for_people() {
        JsonNode spaces = json(cli.run("--json", "spaces"));
        assertThat(spaces.get("results")).extracting(n -> n.get("key").asText()).contains("INFRA", "ENG");
        assertThat(cli.run("spaces").out()).contains("INFRA", "Infrastructure");
        JsonNode first = json(cli.run("--json", "spaces", "--limit", "1"));
        JsonNode second = json(cli.run("--json", "spaces", "--limit", "1", "--cursor", first.get("nextCursor").asText()));
        assertThat(List.of(first.get("results").get(0).get("key").asText(), second.get("results").get(0).get("key").asText()))
                .containsExactlyInAnyOrder("INFRA", "ENG");
    }

    @Test
    void a_page_is_created_read_updated_searched_and_its_versions_and_children_listed() throws IOException {
        JsonNode created = json(cli.run("--json", "page", "create", "--space", "INFRA", "--title", "CLI Page", "--body", "<p>from the cli</p>",
                "--label", "cli-e2e"));
        String id = created.get("id").asText();
        assertThat(created.get("version").asInt()).isEqualTo(1);

        JsonNode read = json(cli.run("--json", "page", "get", id));
        assertThat(read.get("title").asText()).isEqualTo("CLI Page");
        assertThat(read.get("body").get("value").asText()).isEqualTo("<p>from the cli</p>");
        assertThat(read.get("labels")).extracting(JsonNode::asText).containsExactly("cli-e2e");

        JsonNode updated = json(cli.run("--json", "page", "update", id, "--wiki", "--body", "h1. Updated", "--base-version", "1",
                "--message", "from the cli"));
        assertThat(updated.get("version").asInt()).isEqualTo(2);
        assertOneLineError(cli.run("page", "update", id, "--body", "<p>stale</p>", "--base-version", "1"), "VERSION_CONFLICT");

        json(cli.run("--json", "page", "create", "--space", "INFRA", "--title", "CLI Child", "--parent", id, "--body", "<p>child</p>"));
        Path markdown = Files.writeString(temp.resolve("notes.md"), "## From *Markdown*\n\n```bash\nls <dir>\n```\n");
        JsonNode fromMarkdown = json(cli.run("--json", "page", "create", "--space", "INFRA", "--title", "CLI Markdown", "--parent", id,
                "--markdown-file", markdown.toString()));
        assertThat(json(cli.run("--json", "page", "get", fromMarkdown.get("id").asText())).get("body").get("value").asText())
                .isEqualTo("<h2>From <em>Markdown</em></h2><ac:structured-macro ac:name=\"code\"><ac:parameter ac:name=\"language\">"
                        + "bash</ac:parameter><ac:plain-text-body><![CDATA[ls <dir>]]></ac:plain-text-body></ac:structured-macro>");
        assertThat(json(cli.run("--json", "page", "children", id)).get("results")).extracting(n -> n.get("title").asText())
                .containsExactly("CLI Child", "CLI Markdown");
        assertThat(json(cli.run("--json", "page", "versions", id)).get("results")).extracting(n -> n.get("number").asInt())
                .contains(1, 2);
        assertThat(json(cli.run("--json", "page", "search", "--space", "INFRA", "--title", "CLI Page")).get("results"))
                .extracting(n -> n.get("id").asText()).containsExactly(id);
        assertThat(json(cli.run("--json", "page", "search", "--label", "cli-e2e")).get("results")).hasSize(1);
        String yesterday = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString();
        assertThat(json(cli.run("--json", "page", "search", "--label", "cli-e2e", "--modified-since", yesterday)).get("results")).hasSize(1);
        assertThat(json(cli.run("--json", "page", "search", "--space", "INFRA", "--title-contains", "CLI Child")).get("results"))
                .extracting(n -> n.get("title").asText()).containsExactly("CLI Child");
        assertThat(json(cli.run("--json", "page", "search", "--cql", "title ~ \"CLI\"")).get("results")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(cli.run("page", "get", id).out()).contains("CLI Page", "<h1>Updated</h1>");
    }

    @Test
    void labels_are_added_and_removed_and_a_file_is_attached() throws IOException {
        String id = json(cli.run("--json", "page", "create", "--space", "INFRA", "--title", "CLI Labels", "--body", "<p/>")).get("id").asText();

        assertThat(json(cli.run("--json", "labels", "add", id, "one", "Two")).get("labels")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("one", "two");
        assertThat(json(cli.run("--json", "labels", "remove", id, "one")).get("removed").asText()).isEqualTo("one");
        Path file = temp.resolve("notes.txt");
        Files.writeString(file, "some notes");
        JsonNode attached = json(cli.run("--json", "attach", id, file.toString(), "--comment", "notes"));
        assertThat(attached.get("title").asText()).isEqualTo("notes.txt");
        assertThat(attached.get("fileSize").asLong()).isEqualTo(10);

        Path large = temp.resolve("large.bin");
        Files.write(large, new byte[512 * 1024]);
        CliRunner.Result withProgress = cli.run("attach", id, large.toString());
        assertThat(withProgress.exit()).as("%s", withProgress).isZero();
        assertThat(withProgress.err()).as("the progress bar on standard error").contains("] 100%", "512 KiB");
        assertThat(withProgress.out()).contains("attached large.bin (524288 bytes, version 1)");

        SandboxPage page = sandbox.findPage(id).orElseThrow();
        assertThat(page.labels()).containsExactly("two");
        assertThat(page.attachments()).containsExactlyInAnyOrder("notes.txt", "large.bin");
    }

    @Test
    void a_runbook_is_published_once_then_unchanged_and_read_back() throws IOException {
        Path diagram = temp.resolve("cli-architecture.png");
        Files.write(diagram, new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        String[] publish = {"--json", "runbook", "publish", "--space", "INFRA", "--title", "CLI Production", "--input", "environment=CLI Production",
            "--input", "customer=Crestview Health", "--input", "status=LIVE", "--attach", diagram.toString()};

        JsonNode dry = json(cli.run(concat(publish, "--dry-run")));
        assertThat(dry.get("outcome").asText()).isEqualTo("PLANNED");
        JsonNode first = json(cli.run(publish));
        JsonNode second = json(cli.run(publish));

        assertThat(first.get("outcome").asText()).isEqualTo("CREATED");
        assertThat(second.get("outcome").asText()).isEqualTo("UNCHANGED");
        assertThat(second.get("pageId").asText()).isEqualTo(first.get("pageId").asText());
        SandboxPage page = sandbox.findPage(first.get("pageId").asText()).orElseThrow();
        assertThat(page.attachments()).containsExactly("cli-architecture.png");
        assertThat(page.labels()).containsExactlyInAnyOrder("auto-generated", "customer-runbook");
        JsonNode runbook = json(cli.run("--json", "runbook", "get", first.get("id").asText()));
        assertThat(runbook.get("title").asText()).isEqualTo("CLI Production");
        assertThat(runbook.get("pageId").asText()).isEqualTo(first.get("pageId").asText());
    }

    private static String[] concat(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void templates_json_has_the_fields_and_type_spellings_of_the_http_api() {
        JsonNode runbook = json(cli.run("--json", "templates")).get(0);

        assertThat(fieldNames(runbook)).containsExactly("id", "version", "name", "description", "inputs", "defaultLabels");
        assertThat(runbook.get("description").asText()).isNotBlank();
        assertThat(runbook.get("defaultLabels").isArray()).isTrue();
        JsonNode input = runbook.get("inputs").get(0);
        assertThat(fieldNames(input)).containsExactly("name", "type", "required", "description", "example", "columns");
        assertThat(runbook.get("inputs")).extracting(in -> in.get("type").asText()).contains("string", "table")
                .allSatisfy(type -> assertThat(type).isLowerCase());
    }

    @Test
    void templates_and_api_keys_are_listed_created_and_revoked() {
        assertThat(json(cli.run("--json", "templates"))).extracting(n -> n.get("id").asText()).contains("customer-environment-runbook");
        assertThat(cli.run("templates").out()).as("a table's columns are listed, so a caller knows what a row holds")
                .contains("endpoints (table of name, url, notes)");

        JsonNode key = json(cli.run("--json", "api-key", "create", "--name", "ci"));
        String keyId = key.get("id").asText();
        assertThat(key.toString()).contains("ask_");
        assertThat(json(cli.run("--json", "api-key", "list"))).extracting(n -> n.get("id").asText()).contains(keyId);
        assertThat(json(cli.run("--json", "api-key", "revoke", keyId)).get("revoked").asText()).isEqualTo(keyId);
    }

    @Test
    void revoking_a_revoked_api_key_again_succeeds_and_an_unknown_one_is_not_found() {
        String keyId = json(cli.run("--json", "api-key", "create", "--name", "twice")).get("id").asText();
        CliRunner.Result first = cli.run("api-key", "revoke", keyId);

        CliRunner.Result again = cli.run("api-key", "revoke", keyId);
        CliRunner.Result unknown = cli.run("api-key", "revoke", "no-such-key");

        assertThat(again.exit()).as(again.toString()).isZero();
        assertThat(again.out()).isEqualTo(first.out()).isEqualTo("revoked " + keyId + "\n");
        assertThat(unknown.exit()).as(unknown.toString()).isEqualTo(2);
        assertThat(unknown.err()).contains("error [NOT_FOUND]: API key no-such-key not found");
    }

    @Test
    void drift_prints_its_findings_as_json() {
        CliRunner.Result drift = cli.run("--json", "drift");
        assertThat(drift.exit()).as("%s", drift).isIn(0, 3);
        try {
            assertThat(JSON.readTree(drift.out()).isArray()).isTrue();
        } catch (IOException e) {
            throw new AssertionError(drift.toString(), e);
        }
    }

    @Test
    void demo_exits_0_and_shows_one_page_after_two_runs() {
        CliRunner.Result demo = cli.run("demo");

        assertThat(demo.exit()).as("%s", demo).isZero();
        assertThat(demo.out()).contains("1 page titled \"Crestview Production\"", "Done: running the flow twice made one page.",
                "Runbook page: http://127.0.0.1:");
        assertThat(demo.out().lines().filter(line -> line.matches("\\s+\\d{3}\\s+(GET|POST|PUT|DELETE) \\S+\\s*")))
                .as("every Confluence call the demo prints says what it is for").isEmpty();
        JsonNode summary = json(cli.run("--json", "demo"));
        assertThat(summary.get("pagesWithTitle").asInt()).isEqualTo(1);
        assertThat(summary.get("second").get("outcome").asText()).isEqualTo("UNCHANGED");
    }

    /** serve --sandbox registers a connection to a sandbox that is gone afterwards: keep it out of the shared data directory. */
    private static CliRunner ownDataDir(String name) throws IOException {
        Path config = temp.resolve(name + ".properties");
        Files.writeString(config, "askel.http.port=0\n");
        return new CliRunner(temp.resolve(name), config);
    }

    @Test
    void serve_with_sandbox_answers_ready_and_its_printed_curl_commands_work() throws Exception {
        try (CliRunner.Background serve = ownDataDir("serve").start("serve", "--sandbox", "--sandbox-port", "0", "--port", "0")) {
            String out = serve.awaitOutput("/api/v1/templates\n");
            Matcher base = Pattern.compile("serving (http://\\S+)/api/v1").matcher(out);
            assertThat(base.find()).as(out).isTrue();
            assertThat(send(HttpRequest.newBuilder(URI.create(base.group(1) + "/health/ready"))).statusCode()).isEqualTo(200);

            List<List<String>> curls = curlCommands(out);
            assertThat(curls).hasSize(5);
            for (List<String> curl : curls) {
                HttpResponse<String> response = send(toRequest(curl));
                assertThat(response.statusCode()).as("%s -> %s", curl, response.body()).isBetween(200, 201);
                JSON.readTree(response.body());
            }
            assertThat(serve.stop()).isZero();
        }
    }

    @Test
    void serve_with_sandbox_reuses_its_api_key_on_the_next_start_and_publishes_to_the_fresh_sandbox_anew() throws Exception {
        CliRunner runner = ownDataDir("serve-twice");
        String sandboxPort = Integer.toString(freePort()); // the same both times, as a user's restarts have it
        String first;
        try (CliRunner.Background serve = runner.start("--json", "serve", "--sandbox", "--sandbox-port", sandboxPort, "--port", "0")) {
            JsonNode started = JSON.readTree(serve.awaitOutput("\n}"));
            first = started.get("apiKey").asText();
            assertThat(publishRunbook(started).body()).contains("\"outcome\":\"CREATED\"");
            HttpResponse<String> mine = send(HttpRequest.newBuilder(URI.create(started.get("api").asText() + "/connections"))
                    .header("Authorization", "Bearer " + first).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"mine\",\"siteUrl\":\"" + started.get("sandbox").asText()
                            + "\",\"email\":\"ada@example.com\",\"apiToken\":\"ada-token\"}")));
            assertThat(mine.statusCode()).as(mine.body()).isEqualTo(201);
            assertThat(serve.stop()).isZero();
        }
        try (CliRunner.Background serve = runner.start("--json", "serve", "--sandbox", "--sandbox-port", sandboxPort, "--port", "0")) {
            JsonNode second = JSON.readTree(serve.awaitOutput("\n}"));
            assertThat(second.get("apiKey").asText()).isEqualTo(first);
            assertThat(publishRunbook(second).body()).as("the sandbox started empty: the runbook is created again, not reported deleted")
                    .contains("\"outcome\":\"CREATED\"");
            HttpResponse<String> templates = send(HttpRequest.newBuilder(URI.create(second.get("api").asText() + "/templates"))
                    .header("Authorization", "Bearer " + first));
            assertThat(templates.statusCode()).isEqualTo(200);
            assertThat(serve.stop()).isZero();
        }
        Path keyFile = temp.resolve("serve-twice").resolve(SandboxApiKey.FILE);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        JsonNode keys = json(runner.run("--json", "api-key", "list"));
        assertThat(keys).filteredOn(k -> k.get("name").asText().equals(SandboxApiKey.NAME)).hasSize(1);
        assertThat(json(runner.run("--json", "connections", "list"))).extracting(c -> c.get("name").asText())
                .as("a connection of the user's to the same address is left alone").containsExactlyInAnyOrder("sandbox", "mine");
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static HttpResponse<String> publishRunbook(JsonNode started) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(started.get("api").asText() + "/connections/" + started.get("connectionId").asText()
                        + "/runbooks")).header("Authorization", "Bearer " + started.get("apiKey").asText())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"template\":\"customer-environment-runbook\",\"spaceKey\":\"INFRA\",\"title\":\"Crestview Production\","
                                + "\"inputs\":{\"environment\":\"Crestview Production\",\"customer\":\"Crestview Health\",\"status\":\"LIVE\"}}")));
    }

    @Test
    void serve_with_json_prints_one_document_whose_api_key_and_connection_work() throws Exception {
        try (CliRunner.Background serve = ownDataDir("serve-json").start("--json", "serve", "--sandbox", "--sandbox-port", "0", "--port", "0")) {
            JsonNode started = JSON.readTree(serve.awaitOutput("\n}"));
            URI spaces = URI.create(started.get("api").asText() + "/connections/" + started.get("connectionId").asText() + "/spaces");

            HttpResponse<String> response = send(HttpRequest.newBuilder(spaces).header("Authorization", "Bearer " + started.get("apiKey").asText()));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).contains("INFRA");
            assertThat(started.get("sandbox").asText()).startsWith("http://127.0.0.1:");
        }
    }

    @Test
    void sandbox_with_json_prints_its_url_and_users() throws Exception {
        try (CliRunner.Background running = cli.start("--json", "sandbox", "--port", "0")) {
            JsonNode started = JSON.readTree(running.awaitOutput("\n}"));
            assertThat(started.get("url").asText()).startsWith("http://127.0.0.1:");
            assertThat(started.get("users")).extracting(u -> u.get("email").asText()).contains("ada@example.com", "bob@example.com");
        }
    }

    @Test
    void serve_accepts_the_bootstrap_api_key_from_the_configuration() throws Exception {
        String key = "ask_Boot1234_" + "abcdefghijklmnopqrstuvwxyz012345";
        Path config = temp.resolve("bootstrap.properties");
        Files.writeString(config, "askel.bootstrap-api-key=" + key + "\naskel.http.port=0\n");
        CliRunner bootstrapped = new CliRunner(temp.resolve("bootstrap-data"), config);
        try (CliRunner.Background serve = bootstrapped.start("serve")) {
            String out = serve.awaitOutput("openapi.json");
            Matcher base = Pattern.compile("serving (http://\\S+)/api/v1").matcher(out);
            assertThat(base.find()).isTrue();
            URI connections = URI.create(base.group(1) + "/api/v1/connections");

            assertThat(send(HttpRequest.newBuilder(connections).header("Authorization", "Bearer " + key)).statusCode()).isEqualTo(200);
            assertThat(send(HttpRequest.newBuilder(connections).header("Authorization", "Bearer " + key.replace('a', 'b'))).statusCode())
                    .isEqualTo(401);
            assertThat(out + serve.err.text()).doesNotContain(key);
        }
    }

    @Test
    void serve_refuses_a_bootstrap_api_key_of_the_wrong_form_naming_the_key_of_the_properties_file() throws Exception {
        String key = "ask_not-a-key";
        Path config = temp.resolve("bad-bootstrap.properties");
        Files.writeString(config, "askel.bootstrap-api-key=" + key + "\naskel.http.port=0\n");

        CliRunner.Result result = new CliRunner(temp.resolve("bad-bootstrap-data"), config).run("serve");

        assertThat(result.exit()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).as(result.toString()).contains("askel.bootstrap-api-key in " + config + ": is not an API key of the form")
                .doesNotContain("ASKEL_BOOTSTRAP_API_KEY").doesNotContain(key);
    }

    @Test
    void sandbox_runs_until_stopped_and_prints_its_url_and_users() throws Exception {
        try (CliRunner.Background running = cli.start("sandbox", "--port", "0")) {
            String out = running.awaitOutput("ASKEL_ALLOWED_SITE_ORIGINS=");
            Matcher url = Pattern.compile("running at (http://\\S+)/wiki").matcher(out);
            assertThat(url.find()).isTrue();
            assertThat(out).contains("ada@example.com", "ada-token");
            HttpResponse<String> spaces = send(HttpRequest.newBuilder(URI.create(url.group(1) + "/wiki/api/v2/spaces"))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("ada@example.com:ada-token".getBytes(StandardCharsets.UTF_8))));
            assertThat(spaces.body()).contains("INFRA");
            assertThat(running.stop()).isZero();
        }
    }

    /** The curl commands after "Try:", continuation lines joined, split into words as a shell would (single quotes). */
    static List<List<String>> curlCommands(String out) {
        String block = out.substring(out.indexOf("Try:") + "Try:".length()).replace("\\\n", " ");
        List<List<String>> commands = new ArrayList<>();
        for (String line : block.lines().map(String::strip).filter(l -> l.startsWith("curl ")).toList()) {
            List<String> words = new ArrayList<>();
            Matcher m = Pattern.compile("'([^']*)'|(\\S+)").matcher(line);
            while (m.find()) {
                words.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
            commands.add(words);
        }
        return commands;
    }

    static HttpRequest.Builder toRequest(List<String> curl) {
        HttpRequest.Builder b = HttpRequest.newBuilder();
        String method = null;
        String data = null;
        for (int i = 1; i < curl.size(); i++) {
            switch (curl.get(i)) {
                case "-s" -> { }
                case "-H" -> {
                    String[] header = curl.get(++i).split(":\\s*", 2);
                    b.header(header[0], header[1]);
                }
                case "-X" -> method = curl.get(++i);
                case "-d" -> data = curl.get(++i);
                default -> {
                    assertThat(curl.get(i)).as("an option the test does not know in %s", curl).startsWith("http");
                    b.uri(URI.create(curl.get(i)));
                }
            }
        }
        String m = method != null ? method : data != null ? "POST" : "GET";
        return b.method(m, data == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(data));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
