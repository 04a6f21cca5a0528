package ai.askel.confluence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What holds for every command of the tree, generated from the tree itself so that a new command cannot miss it:
 * {@code --help}, {@code -h} and {@code help <command...>} print that command's usage; a command printing a result
 * documents its {@code --json} shape. And the command line's manners: global options mean the same before or after
 * the command, and an unknown option never echoes its value.
 */
class CommandLineConventionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Outcome(int exit, String out, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = AskelCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(exit, out.toString(), err.toString());
    }

    /** Every command path below the root: {@code [serve]}, {@code [api-key, create]}, ... */
    static List<List<String>> commandPaths() {
        List<List<String>> paths = new ArrayList<>();
        collect(AskelCommand.commandLine(CommandLine.defaultFactory()), new ArrayList<>(), paths);
        return paths;
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> into) {
        command.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().name().equals(name)) {
                return; // an alias
            }
            List<String> child = new ArrayList<>(path);
            child.add(name);
            into.add(child);
            collect(sub, child, into);
        });
    }

    @TestFactory
    Stream<DynamicTest> every_command_answers_help_and_h_and_help_command_with_its_own_usage() {
        List<List<String>> paths = commandPaths();
        assertThat(paths).as("the tree is read").hasSizeGreaterThan(25)
                .contains(List.of("api-key", "create"), List.of("serve"), List.of("workspaces", "create"));
        return paths.stream().map(path -> DynamicTest.dynamicTest(String.join(" ", path), () -> {
            // the command's own usage line (the help command prints a header above it), not its group's
            java.util.regex.Pattern usageLine = java.util.regex.Pattern.compile("(?m)^" + java.util.regex.Pattern.quote(
                    "Usage: askel-confluence " + String.join(" ", path)) + "( |$)");
            for (String flag : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(path);
                args.add(flag);
                Outcome answer = run(args.toArray(String[]::new));
                assertThat(answer.exit()).as("%s %s: %s", path, flag, answer).isZero();
                assertThat(answer.out()).as("%s %s", path, flag).containsPattern(usageLine);
                assertThat(answer.err()).isEmpty();
            }
            List<String> viaHelp = new ArrayList<>(List.of("help"));
            viaHelp.addAll(path);
            Outcome help = run(viaHelp.toArray(String[]::new));
            assertThat(help.exit()).isZero();
            assertThat(help.out()).as("help %s", path).containsPattern(usageLine);
        }));
    }

    @TestFactory
    Stream<DynamicTest> every_command_that_prints_a_result_documents_its_json() {
        return commandPaths().stream().map(path -> DynamicTest.dynamicTest(String.join(" ", path), () -> {
            CommandLine command = AskelCommand.commandLine(CommandLine.defaultFactory());
            for (String name : path) {
                command = command.getSubcommands().get(name);
            }
            if (command.getSubcommands().isEmpty() && !path.equals(List.of("help"))) {
                assertThat(command.getUsageMessage()).as("askel-confluence %s --help says what --json prints", String.join(" ", path))
                        .contains("--json:");
            }
        }));
    }

    @Test
    void an_option_value_that_names_a_command_is_the_options_value() {
        CommandLine.ParseResult parsed = AskelCommand.commandLine(CommandLine.defaultFactory())
                .parseArgs("--plugins-dir", "templates", "templates");

        assertThat(parsed.matchedOptionValue("--plugins-dir", Path.of("unset"))).isEqualTo(Path.of("templates"));
        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("templates");
    }

    @Test
    void a_mistyped_secret_option_is_named_without_its_value() {
        Outcome spaced = run("api-key", "list", "--token", "ATATT-very-secret-value");
        Outcome joined = run("api-key", "list", "--tokne=ATATT-very-secret-value");

        for (Outcome answer : List.of(spaced, joined)) {
            assertThat(answer.exit()).as("%s", answer).isEqualTo(CliErrors.BAD_INPUT);
            assertThat(answer.out() + answer.err()).doesNotContain("ATATT-very-secret-value").doesNotContain("very-secret");
        }
        assertThat(spaced.err()).contains("'--token'");
        assertThat(joined.err()).contains("unknown option '--tokne'").contains("askel-confluence api-key list --help");
    }

    @Test
    void an_unknown_command_is_named_in_one_line_with_the_commands_it_may_mean_and_exits_2() {
        Outcome unknown = run("nosuchcmd");
        Outcome typo = run("sevre");
        Outcome subcommand = run("connections", "lst");
        Outcome viaHelp = run("help", "nosuchcmd");

        for (Outcome answer : List.of(unknown, typo, subcommand, viaHelp)) {
            assertThat(answer.exit()).as("%s", answer).isEqualTo(CliErrors.BAD_INPUT);
            assertThat(answer.out()).as("no usage text").isEmpty();
            assertThat(answer.err().lines()).as("%s", answer).hasSize(2);
        }
        assertThat(unknown.err()).startsWith("error: 'nosuchcmd' is not a command of askel-confluence (see askel-confluence --help)\n")
                .contains("the commands are: demo, serve, sandbox, workspaces, api-key, connections,").contains("rotate-master-key");
        assertThat(viaHelp.err()).isEqualTo(unknown.err());
        assertThat(typo.err()).isEqualTo("error: 'sevre' is not a command of askel-confluence (see askel-confluence --help)\n"
                + "did you mean: serve?\n");
        assertThat(subcommand.err()).isEqualTo("error: 'lst' is not a command of askel-confluence connections"
                + " (see askel-confluence connections --help)\ndid you mean: list?\n");
    }

    @Test
    void a_word_where_a_command_belongs_is_not_echoed_unless_it_looks_like_a_command_name() {
        Outcome token = run("--json", "ATATT3xFfGF0-very-secret");
        Outcome afterTypo = run("api-key", "lis", "--token", "ATATT-very-secret-value");

        assertThat(token.exit()).isEqualTo(CliErrors.BAD_INPUT);
        assertThat(token.err()).doesNotContain("very-secret").contains("1 unexpected argument (not shown)").contains("the commands are: ");
        assertThat(afterTypo.err()).doesNotContain("very-secret").doesNotContain("--token")
                .contains("'lis' is not a command of askel-confluence api-key (2 more arguments not shown)").contains("did you mean: list?");
    }

    @Test
    void global_options_mean_the_same_before_and_after_the_command(@TempDir Path before, @TempDir Path after) throws IOException {
        Outcome first = run("--data-dir", before.toString(), "--json", "workspaces", "create", "tenant-a");
        Outcome second = run("workspaces", "create", "tenant-b", "--data-dir", after.toString(), "--json");

        assertThat(first.exit()).as("%s", first).isZero();
        assertThat(second.exit()).as("%s", second).isZero();
        assertThat(JSON.readTree(first.out()).get("name").asText()).isEqualTo("tenant-a");
        assertThat(JSON.readTree(second.out()).get("name").asText()).isEqualTo("tenant-b");
        try (Stream<Path> a = Files.list(before); Stream<Path> b = Files.list(after)) {
            assertThat(a.map(p -> p.getFileName().toString())).as("the database went to --data-dir").contains("askel.mv.db");
            assertThat(b.map(p -> p.getFileName().toString())).as("the database went to --data-dir").contains("askel.mv.db");
        }
        assertThat(Main.logLevel("--data-dir", before.toString(), "serve")).isEqualTo("INFO");
        assertThat(Main.logLevel("serve", "--data-dir", before.toString())).isEqualTo("INFO");
        assertThat(Main.logLevel("--data-dir", "serve", "workspaces", "list")).as("a directory named serve is not the command").isEqualTo("WARN");
        assertThat(Main.logLevel("--json", "workspaces", "list")).isEqualTo("WARN");
    }

    @Test
    void a_command_line_naming_a_command_builds_only_that_command() {
        CommandLine serve = AskelCommand.commandLine(CommandLine.defaultFactory(), "--data-dir", "page", "serve", "--port", "0");
        CommandLine helpOfOne = AskelCommand.commandLine(CommandLine.defaultFactory(), "help", "api-key", "create");

        assertThat(serve.getSubcommands()).containsOnlyKeys("serve");
        assertThat(helpOfOne.getSubcommands()).containsOnlyKeys("api-key");
        assertThat(helpOfOne.getSubcommands().get("api-key").getSubcommands()).containsKeys("create", "list", "revoke");
    }

    @Test
    void a_command_line_naming_no_known_command_builds_the_whole_tree_for_usage_and_suggestions() {
        String whole = AskelCommand.commandLine(CommandLine.defaultFactory()).getUsageMessage();

        for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"help"}, new String[] {"--json", "pgae", "get"},
                new String[] {"--help", "serve"}, new String[] {"-h", "serve"}, new String[] {"-V", "serve"})) {
            CommandLine tree = AskelCommand.commandLine(CommandLine.defaultFactory(), args);
            assertThat(tree.getSubcommands()).as(Arrays.toString(args)).hasSize(AskelCommand.COMMANDS.size());
            assertThat(tree.getUsageMessage()).as(Arrays.toString(args)).isEqualTo(whole);
        }
    }

    @Test
    void a_one_shot_command_keeps_standard_error_for_warnings_and_errors(@TempDir Path data) throws Exception {
        Outcome listed = runMain(data, Map.of(), "--data-dir", data.toString(), "workspaces", "list");

        assertThat(listed.exit()).as(listed.err()).isZero();
        assertThat(listed.err()).as("opening the connector logs its templates at INFO").doesNotContain(" INFO ");
    }

    @Test
    void rotating_the_master_key_says_where_the_new_key_lives(@TempDir Path data) throws Exception {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        String newKey = Base64.getEncoder().encodeToString(key);
        Outcome fromFile = runMain(data.resolve("file"), Map.of("ASKEL_NEW_MASTER_KEY", newKey),
                "--data-dir", data.resolve("file").toString(), "rotate-master-key");
        Outcome fromEnvironment = runMain(data.resolve("env"), Map.of("ASKEL_NEW_MASTER_KEY", newKey,
                "ASKEL_MASTER_KEY", Base64.getEncoder().encodeToString(new byte[32])), "--data-dir", data.resolve("env").toString(),
                "rotate-master-key");

        assertThat(fromFile.exit()).as(fromFile.err()).isZero();
        assertThat(fromEnvironment.exit()).as(fromEnvironment.err()).isZero();
        // the key file is rewritten: telling the operator to set ASKEL_MASTER_KEY would send them the wrong way
        assertThat(fromFile.out()).contains(data.resolve("file").resolve("master.key") + " holds the new key")
                .doesNotContain("ASKEL_MASTER_KEY");
        assertThat(Files.readString(data.resolve("file").resolve("master.key")).strip()).isEqualTo(newKey);
        assertThat(fromEnvironment.out()).contains("set ASKEL_MASTER_KEY to the new key");
        Path properties = Files.writeString(data.resolve("askel.properties"),
                "askel.master-key=" + Base64.getEncoder().encodeToString(new byte[32]) + "\n");
        Outcome fromProperties = runMain(data.resolve("properties"), Map.of("ASKEL_NEW_MASTER_KEY", newKey),
                "--data-dir", data.resolve("properties").toString(), "--config", properties.toString(), "rotate-master-key");
        assertThat(fromProperties.exit()).as(fromProperties.err()).isZero();
        assertThat(fromProperties.out()).contains("set askel.master-key in " + properties + " to the new key")
                .doesNotContain("ASKEL_MASTER_KEY");
    }

    /**
     * Runs the executable's {@code main} in a JVM of its own, with no ASKEL_ variable but those of {@code environment}:
     * for what only a process shows (its logging as configured at start, settings read from the environment).
     */
    private static Outcome runMain(Path workDir, Map<String, String> environment, String... args) throws Exception {
        Process process = startMain(workDir, environment, args);
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        Outcome outcome = outcome(workDir, ended ? process.exitValue() : -1);
        assertThat(ended).as("ended within 60 s: %s", outcome).isTrue();
        return outcome;
    }

    private static Process startMain(Path workDir, Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("ASKEL_"));
        builder.environment().putAll(environment);
        Files.createDirectories(workDir);
        return builder.redirectOutput(workDir.resolve("stdout.txt").toFile()).redirectError(workDir.resolve("stderr.txt").toFile()).start();
    }

    private static Outcome outcome(Path workDir, int exit) throws IOException {
        return new Outcome(exit, Files.readString(workDir.resolve("stdout.txt"), StandardCharsets.UTF_8),
                Files.readString(workDir.resolve("stderr.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void the_sandbox_says_it_stopped_on_sigterm(@TempDir Path work) throws Exception {
        Process sandbox = startMain(work, Map.of(), "sandbox", "--port", "0");
        try {
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!outcome(work, -1).out().contains("sandbox running at") && sandbox.isAlive() && System.nanoTime() < giveUp) {
                Thread.sleep(100);
            }
            assertThat(outcome(work, -1).out()).as("%s", outcome(work, -1)).contains("sandbox running at");

            sandbox.destroy(); // SIGTERM
            assertThat(sandbox.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(outcome(work, sandbox.exitValue()).err()).contains("Sandbox stopped");
        } finally {
            sandbox.destroyForcibly();
        }
    }

    @Test
    void workspaces_get_keys_of_a_scope_that_are_listed_and_revoked_in_their_own_workspace(@TempDir Path data) throws IOException {
        String dir = data.toString();
        JsonNode workspace = JSON.readTree(run("--data-dir", dir, "--json", "workspaces", "create", "tenant-a").out());
        String id = workspace.get("id").asText();

        Outcome created = run("--data-dir", dir, "--json", "api-key", "create", "--workspace", id, "--scope", "read", "--name", "dashboard");
        JsonNode key = JSON.readTree(created.out());
        JsonNode listed = JSON.readTree(run("--data-dir", dir, "--json", "api-key", "list", "--workspace", id).out());
        JsonNode defaults = JSON.readTree(run("--data-dir", dir, "--json", "api-key", "list").out());
        JsonNode all = JSON.readTree(run("--data-dir", dir, "--json", "workspaces", "list").out());
        Outcome badScope = run("--data-dir", dir, "api-key", "create", "--scope", "root");
        Outcome unknownWorkspace = run("--data-dir", dir, "api-key", "create", "--workspace", "6f1d2c3b-0000-4000-8000-000000000001");
        Outcome revokedElsewhere = run("--data-dir", dir, "api-key", "revoke", key.get("id").asText());
        Outcome revoked = run("--data-dir", dir, "api-key", "revoke", "--workspace", id, key.get("id").asText());

        assertThat(key.get("scope").asText()).isEqualTo("read");
        assertThat(key.get("workspaceId").asText()).isEqualTo(id);
        assertThat(key.get("key").asText()).startsWith("ask_");
        assertThat(listed).singleElement().satisfies(k -> {
            assertThat(k.get("prefix").asText()).isEqualTo(key.get("prefix").asText());
            assertThat(k.has("key")).as("the key is shown once only").isFalse();
        });
        assertThat(defaults).isEmpty();
        assertThat(all).extracting(w -> w.get("name").asText()).containsExactly("default", "tenant-a");
        assertThat(badScope.exit()).isEqualTo(CliErrors.BAD_INPUT);
        assertThat(badScope.err()).contains("scope");
        assertThat(unknownWorkspace.exit()).isEqualTo(CliErrors.BAD_INPUT);
        assertThat(unknownWorkspace.err()).contains("NOT_FOUND");
        assertThat(revokedElsewhere.exit()).as("another workspace's key is not found").isEqualTo(CliErrors.BAD_INPUT);
        assertThat(revoked.exit()).isZero();
    }
}
