package ai.askel.confluence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.sandbox.ConfluenceSandbox;
import java.io.IOException;
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
 * Runs the walk-through of docs/writing-a-template.md exactly as written: it writes every code block
 * marked {@code file=PATH} (the Markdown template of the walk-through and the storage-format one of
 * the reference), then runs every {@code $ askel-confluence ...} line of the blocks marked
 * {@code walkthrough}, in order, against a local Confluence sandbox. If the guide drifts from what
 * the connector does, this fails.
 */
class WritingATemplateGuideTest {
    private static final Path GUIDE = Path.of("..", "docs", "writing-a-template.md");
    private static final Pattern BLOCK = Pattern.compile("(?ms)^(`{3,})(\\w+) ([^\\n]*)\\n(.*?)^\\1\\s*$");

    @TempDir
    static Path work;
    private static ConfluenceSandbox sandbox;
    private static CliRunner cli;

    @BeforeAll
    static void start() throws IOException {
        sandbox = ConfluenceSandbox.builder().port(0).demoData().start();
        Path config = Files.writeString(work.resolve("askel.properties"), "askel.allowed-site-origins=" + sandbox.baseUrl() + "\n");
        cli = new CliRunner(work.resolve("data"), config);
        CliRunner.Result added = cli.run(Optional.of("ada-token\n"), "connections", "add", "--name", "guide", "--site", sandbox.baseUrl(),
                "--email", "ada@example.com", "--token-stdin");
        assertThat(added.exit()).as("%s", added).isZero();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void the_guides_walk_through_writes_checks_previews_and_publishes_a_template() throws IOException {
        String guide = Files.readString(GUIDE);
        List<String> commands = new ArrayList<>();
        List<String> written = new ArrayList<>();
        Matcher block = BLOCK.matcher(guide);
        while (block.find()) {
            String info = block.group(3);
            if (info.startsWith("file=")) {
                Path file = work.resolve(info.substring(5).strip());
                Files.createDirectories(file.getParent());
                Files.writeString(file, block.group(4));
                written.add(info.substring(5).strip());
            } else if (info.strip().equals("walkthrough")) {
                block.group(4).lines().filter(line -> line.startsWith("$ askel-confluence ")).forEach(commands::add);
            }
        }
        assertThat(written).containsExactly("templates/service-overview/template.yaml", "templates/service-overview/body.md", "inputs.json",
                "templates/deploy-note/template.yaml", "templates/deploy-note/body.xml");
        assertThat(commands).hasSize(6);

        List<CliRunner.Result> results = new ArrayList<>();
        for (String command : commands) {
            CliRunner.Result result = cli.run(arguments(command.substring("$ askel-confluence ".length())));
            assertThat(result.exit()).as("%s\n%s", command, result).isZero();
            results.add(result);
        }

        assertThat(results.get(0).out()).contains("ok    hostile inputs");
        assertThat(results.get(1).out()).contains("input validation: ok", "<h1>Checkout &lt;EU&gt;</h1>",
                "<ac:parameter ac:name=\"colour\">Yellow</ac:parameter>", "<a href=\"mailto:grace@example.com\">grace@example.com</a>");
        assertThat(work.resolve("preview.html")).content().contains("Checkout &lt;EU&gt;");
        assertThat(results.get(2).out()).contains("service-overview 1.0.0 - Service overview");
        assertThat(results.get(3).out()).contains("CREATED");
        Matcher runbook = Pattern.compile("runbook (\\S+),").matcher(results.get(3).out());
        assertThat(runbook.find()).as(results.get(3).out()).isTrue();
        CliRunner.Result published = cli.run("--json", "runbook", "get", runbook.group(1));
        assertThat(published.out()).as("the walk-through says where its page goes, not the built-in runbook's defaults")
                .contains("\"parentTitle\" : \"Services\"", "\"service-docs\"").doesNotContain("customer-runbook");
        assertThat(results.get(4).out()).contains("ok    descriptor", "ok    sample inputs", "ok    hostile inputs");
        assertThat(results.get(5).out()).contains("input validation: ok", "title: Deploy Checkout", "<h1>Deploy Checkout</h1>",
                "<li>Deploy the canary</li>", "<![CDATA[make deploy ENV=prod]]>",
                "<ac:parameter ac:name=\"title\">Rolling Checkout back</ac:parameter>",
                "and watch <a href=\"https://grafana.example/d/deploys\">the dashboard</a>.</p>");
    }

    /** Splits a command line as a shell would (double quotes group), resolving the walk-through's relative paths in the work folder. */
    private static String[] arguments(String line) {
        List<String> args = new ArrayList<>();
        Matcher token = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line);
        while (token.find()) {
            String arg = token.group(1) != null ? token.group(1) : token.group(2);
            boolean path = arg.equals("templates") && !args.isEmpty() && args.get(args.size() - 1).equals("--plugins-dir")
                    || arg.startsWith("templates/") || arg.endsWith(".json") || arg.endsWith(".html");
            args.add(path ? work.resolve(arg).toString() : arg);
        }
        return args.toArray(String[]::new);
    }
}
