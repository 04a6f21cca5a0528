package ai.askel.confluence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.app.templates.PluginJar;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** {@code templates preview} and {@code templates check}: a template author's loop, without Confluence. */
class TemplatesCommandTest {
    @TempDir
    static Path temp;
    private static CliRunner cli;
    private static Path template;
    private static Path storageTemplate;

    @BeforeAll
    static void setUp() throws IOException {
        Path config = Files.writeString(temp.resolve("askel.properties"), "");
        cli = new CliRunner(temp.resolve("data"), config);
        template = Files.createDirectories(temp.resolve("templates/service-note"));
        Files.writeString(template.resolve("template.yaml"), """
                id: service-note
                version: 1.0.0
                title: "Service {service}"
                inputs:
                  - name: service
                    type: string
                    required: true
                    description: The service
                    example: Checkout
                  - name: owners
                    type: table
                    columns: [name, email]
                    example: [{name: Ada, email: ada@example.com}]
                """);
        Files.writeString(template.resolve("body.md"), """
                # {{service}}

                > [!INFO] Owners
                > | Name | E-mail |
                > | --- | --- |
                > | {{#each owners}}{{name}} | {{email \\| link}} |
                """);
        storageTemplate = Files.createDirectories(temp.resolve("templates/service-note-xml"));
        Files.copy(template.resolve("template.yaml"), storageTemplate.resolve("template.yaml"));
        Files.writeString(storageTemplate.resolve("body.xml"), """
                <h1>{{service}}</h1>
                <ac:structured-macro ac:name="info">
                  <ac:parameter ac:name="title">Owners</ac:parameter>
                  <ac:rich-text-body>
                    <table><tbody>
                      <tr><th>Name</th><th>E-mail</th></tr>
                      {{#each owners}}
                      <tr><td title="{{name}}">{{name}}</td><td>{{email | link}}</td></tr>
                      {{/each}}
                    </tbody></table>
                  </ac:rich-text-body>
                </ac:structured-macro>
                <ac:structured-macro ac:name="code">
                  <ac:plain-text-body><![CDATA[open {{service | shell}}]]></ac:plain-text-body>
                </ac:structured-macro>
                """);
    }

    @Test
    void preview_renders_a_template_folder_from_its_examples_and_writes_html() {
        Path html = temp.resolve("preview.html");

        CliRunner.Result result = cli.run("templates", "preview", template.toString(), "--html", html.toString());

        assertThat(result.exit()).as("%s", result).isZero();
        assertThat(result.out()).contains("input validation: ok", "title: Service Checkout", "<h1>Checkout</h1>",
                "<a href=\"mailto:ada@example.com\">ada@example.com</a>");
        assertThat(html).content().contains("<h1>Checkout</h1>", "class=\"panel info\"", "<strong>Owners</strong>");
    }

    @Test
    void preview_renders_a_storage_format_body_and_writes_html() {
        Path html = temp.resolve("preview-xml.html");

        CliRunner.Result result = cli.run("templates", "preview", storageTemplate.toString(), "--html", html.toString());

        assertThat(result.exit()).as("%s", result).isZero();
        assertThat(result.out()).contains("input validation: ok", "title: Service Checkout", "<h1>Checkout</h1>",
                "<td title=\"Ada\">Ada</td>", "<a href=\"mailto:ada@example.com\">ada@example.com</a>",
                "<![CDATA[open 'Checkout']]>");
        assertThat(html).content().contains("<h1>Checkout</h1>", "class=\"panel info\"", "<strong>Owners</strong>");
    }

    @Test
    void preview_reports_every_invalid_input_and_exits_1() throws IOException {
        Path inputs = Files.writeString(temp.resolve("bad.json"), "{\"servce\": \"typo\", \"owners\": [{\"phone\": \"1\"}]}");

        CliRunner.Result result = cli.run("templates", "preview", template.toString(), "--inputs", inputs.toString());

        assertThat(result.exit()).as("%s", result).isEqualTo(1);
        assertThat(result.out()).contains("input validation: 3 problem(s)", "inputs.service", "inputs.servce", "inputs.owners[0].phone");
    }

    @Test
    void preview_renders_a_loaded_template_by_id() {
        CliRunner.Result result = cli.run("templates", "preview", "customer-environment-runbook");

        assertThat(result.exit()).as("%s", result).isZero();
        assertThat(result.out()).contains("title: Crestview Production", "<h1>Crestview Production</h1>");
    }

    @Test
    void preview_of_a_java_template_that_throws_says_why_and_where_in_one_line_without_a_stack_trace() throws IOException {
        Path plugins = Files.createDirectories(temp.resolve("throwing-plugins"));
        PluginJar.create().source("ThrowingNote", """
                import ai.askel.confluence.domain.TemplateInputs;
                import ai.askel.confluence.ports.spi.*;
                import java.util.List;

                public class ThrowingNote implements ContentTemplateProvider {
                    public String id() { return "throwing-note"; }
                    public String version() { return "1.0.0"; }
                    public List<TemplateInput> inputs() {
                        return List.of(TemplateInput.required("summary", InputType.TEXT, "What happened").withExample("Disk full"));
                    }
                    public String render(TemplateInputs inputs, RenderContext context) {
                        throw new IllegalStateException("no summary template for " + inputs.requiredString("summary"));
                    }
                }
                """).service("ThrowingNote").writeTo(plugins, "throwing.jar");
        Logger hostedTemplate = (Logger) LoggerFactory.getLogger("ai.askel.confluence.app.templates.HostedTemplate");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        hostedTemplate.addAppender(logged);
        CliRunner.Result result;
        try {
            result = cli.run("--plugins-dir", plugins.toString(), "templates", "preview", "throwing-note");
        } finally {
            hostedTemplate.detachAppender(logged);
        }

        assertThat(result.exit()).as("%s", result).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(logged.list).as("no log line, no stack trace: the error line has it all").isEmpty();
        assertThat(result.err()).isEqualTo("error [TEMPLATE_ERROR]: template throwing-note@1.0.0 failed to render:"
                + " java.lang.IllegalStateException: no summary template for Disk full"
                + " (at com.example.templates.ThrowingNote.render(ThrowingNote.java:13))\n"); // line 13: PluginJar adds a package line
    }

    @Test
    void check_passes_a_good_template_and_fails_a_broken_one_naming_file_line_and_column() throws IOException {
        CliRunner.Result good = cli.run("templates", "check", template.toString(), "--rounds", "30");

        assertThat(good.exit()).as("%s", good).isZero();
        assertThat(good.out()).contains("ok    descriptor", "ok    sample inputs", "ok    deterministic", "ok    hostile inputs: 30 rounds");

        Path broken = Files.createDirectories(temp.resolve("broken"));
        Files.copy(template.resolve("template.yaml"), broken.resolve("template.yaml"));
        Files.writeString(broken.resolve("body.md"), "# {{service}}\n\n{{#each owner}}\n");
        CliRunner.Result bad = cli.run("templates", "check", broken.toString());

        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.out()).contains("FAIL  " + broken.toAbsolutePath() + "/body.md:3:1: 'owner' is not an input of this template");
    }

    @Test
    void check_passes_a_good_storage_format_body_and_fails_a_broken_one_naming_file_line_and_column() throws IOException {
        CliRunner.Result good = cli.run("templates", "check", storageTemplate.toString(), "--rounds", "30");

        assertThat(good.exit()).as("%s", good).isZero();
        assertThat(good.out()).contains("ok    descriptor", "ok    sample inputs", "ok    deterministic", "ok    hostile inputs: 30 rounds");

        Path broken = Files.createDirectories(temp.resolve("broken-xml"));
        Files.copy(template.resolve("template.yaml"), broken.resolve("template.yaml"));
        Files.writeString(broken.resolve("body.xml"), "<h1>{{service}}</h1>\n<p class=\"x\" {{service}}>y</p>\n");
        CliRunner.Result bad = cli.run("templates", "check", broken.toString());

        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.out()).contains("FAIL  " + broken.toAbsolutePath()
                + "/body.xml:2:14: a placeholder cannot stand between attributes: it would write markup, not a value");
    }
    @Test
    void a_plugins_directory_that_does_not_exist_is_a_usage_error_like_one_that_is_a_file() throws IOException {
        Path missing = temp.resolve("no-such-templates");
        Path file = Files.writeString(temp.resolve("templates.txt"), "not a directory");

        CliRunner.Result typo = cli.run("--plugins-dir", missing.toString(), "templates");
        CliRunner.Result notADirectory = cli.run("--plugins-dir", file.toString(), "templates");

        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err().strip()).isEqualTo("error [TEMPLATE_ERROR]: The content templates could not be loaded: the plugins directory "
                + missing + " does not exist");
        assertThat(notADirectory.exit()).isEqualTo(2);
        assertThat(notADirectory.err().strip()).isEqualTo("error [TEMPLATE_ERROR]: The content templates could not be loaded: the plugins"
                + " directory " + file + " is not a directory");
    }
}
