package ai.askel.confluence.plugins.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.domain.storage.StorageCanonicalForm;
import ai.askel.confluence.domain.storage.StorageFormatValidator;
import ai.askel.confluence.ports.spi.InputType;
import ai.askel.confluence.ports.spi.RenderContext;
import ai.askel.confluence.ports.spi.TemplateInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeclarativeTemplateTest {
    static final String DESCRIPTOR = """
            id: service-overview
            version: 1.2.0
            name: Service overview
            description: One service at a glance.
            title: "{service}"
            labels: [service-overview]
            statusColours:
              green: [HEALTHY]
              red: [DOWN]
            attachments:
              - input: diagram
            inputs:
              - name: service
                type: string
                required: true
                description: The service's name
                example: Checkout
                maxLength: 40
              - name: state
                type: string
                default: HEALTHY
                allowed: [HEALTHY, DOWN]
              - name: replicas
                type: number
                min: 1
              - name: dashboard
                type: url
              - name: regions
                type: list
                example: [eu-west-1]
              - name: owners
                type: table
                columns: [name, email]
              - name: diagram
                type: string
              - name: runCommand
                type: text
            """;

    static final String BODY = """
            [TOC]

            # {{service}}

            > [!INFO] Summary of {{service}}
            > **State:** {{state | status}}
            > {{#if replicas}}
            > Replicas: {{replicas}}
            > {{/if}}

            {{#if dashboard}}
            See [the dashboard]({{dashboard}}) or [status](https://status.example).
            {{/if}}

            {{#unless regions}}
            No regions.
            {{else}}
            Runs in {{regions | join}}; first step:

            - {{#each regions}}`{{this}}`, *{{this | upper}}*

            {{/unless}}

            {{#if owners}}
            | Name | E-mail |
            | --- | --- |
            | {{#each owners}}**{{name}}** | {{email \\| link}} |

            {{/if}}

            {{#each owners}}
            ## Owner {{name}}
            {{/each}}

            {{#if diagram | attached}}
            ![Diagram of {{service}}]({{diagram}})
            {{/if}}

            {{#if runCommand}}
            ```bash
            {{runCommand}}
            ```
            {{/if}}

            > [!WARNING]
            > Do not edit by hand. Page {{page.title}} in {{page.space}}, {{template.id}} {{template.version}}.
            """;

    static final RenderContext CONTEXT = new RenderContext(1, Title.of("Checkout"), SpaceKey.of("OPS"), List.of("d.png"));

    /** Values for every construct of {@link #BODY}: blanks among them, and characters that need escaping. */
    static final TemplateInputs EVERY_VALUE = new TemplateInputs(Map.of("service", "Checkout & Pay", "replicas", 3,
            "dashboard", "https://grafana.example/d/1", "regions", List.of("eu-west-1", " ", "us-east-1"),
            "owners", List.of(Map.of("name", "Ada", "email", "ada@example.com"), Map.of("name", " ")),
            "diagram", "d.png", "runCommand", "make run\n"));

    /** What {@link #BODY} renders for {@link #EVERY_VALUE}. */
    static final String EVERY_CONSTRUCT_RENDERED = "<ac:structured-macro ac:name=\"toc\" />"
            + "<h1>Checkout &amp; Pay</h1>"
            + "<ac:structured-macro ac:name=\"info\"><ac:parameter ac:name=\"title\">Summary of Checkout &amp; Pay</ac:parameter>"
            + "<ac:rich-text-body><p><strong>State:</strong> <ac:structured-macro ac:name=\"status\">"
            + "<ac:parameter ac:name=\"colour\">Green</ac:parameter><ac:parameter ac:name=\"title\">HEALTHY</ac:parameter>"
            + "</ac:structured-macro></p><p>Replicas: 3</p></ac:rich-text-body></ac:structured-macro>"
            + "<p>See <a href=\"https://grafana.example/d/1\">the dashboard</a> or"
            + " <a href=\"https://status.example\">status</a>.</p>"
            + "<p>Runs in eu-west-1, us-east-1; first step:</p>"
            + "<ul><li><code>eu-west-1</code>, <em>EU-WEST-1</em></li><li><code>us-east-1</code>, <em>US-EAST-1</em></li></ul>"
            + "<table><tbody><tr><th>Name</th><th>E-mail</th></tr>"
            + "<tr><td><strong>Ada</strong></td><td><a href=\"mailto:ada@example.com\">ada@example.com</a></td></tr>"
            + "</tbody></table>"
            + "<h2>Owner Ada</h2>"
            + "<ac:image ac:alt=\"Diagram of Checkout &amp; Pay\"><ri:attachment ri:filename=\"d.png\" /></ac:image>"
            + "<ac:structured-macro ac:name=\"code\"><ac:parameter ac:name=\"language\">bash</ac:parameter>"
            + "<ac:plain-text-body><![CDATA[make run]]></ac:plain-text-body></ac:structured-macro>"
            + "<ac:structured-macro ac:name=\"warning\"><ac:rich-text-body><p>Do not edit by hand. Page Checkout in OPS,"
            + " service-overview 1.2.0.</p></ac:rich-text-body></ac:structured-macro>";

    @Test
    void a_template_with_every_construct_renders_the_expected_storage() {
        DeclarativeTemplate template = DeclarativeTemplates.fromText("template.yaml", DESCRIPTOR, "body.md", BODY);

        String body = template.render(EVERY_VALUE, CONTEXT);

        StorageFormatValidator.validate(body);
        assertThat(StorageCanonicalForm.of(body)).isEqualTo(StorageCanonicalForm.of(EVERY_CONSTRUCT_RENDERED));
    }

    @Test
    void absent_inputs_leave_their_sections_out_and_defaults_fill_in() {
        DeclarativeTemplate template = DeclarativeTemplates.fromText("template.yaml", DESCRIPTOR, "body.md", BODY);

        String body = template.render(new TemplateInputs(Map.of("service", "Checkout")), CONTEXT);

        assertThat(body).contains("<ac:parameter ac:name=\"title\">HEALTHY</ac:parameter>", "<p>No regions.</p>")
                .doesNotContain("Replicas", "<table>", "<h2>", "<ac:image", "ac:name=\"code\"", "dashboard");
    }

    @Test
    void the_descriptor_declares_typed_inputs_labels_and_a_title_pattern() {
        DeclarativeTemplate template = DeclarativeTemplates.fromText("template.yaml", DESCRIPTOR, "body.md", BODY);

        assertThat(template.id()).isEqualTo("service-overview");
        assertThat(template.displayName()).isEqualTo("Service overview");
        assertThat(template.defaultLabels()).containsExactly("service-overview");
        assertThat(template.titlePattern()).contains("{service}");
        assertThat(template.attachmentInputs()).containsExactly("diagram");
        assertThat(template.inputs()).extracting(TemplateInput::name)
                .containsExactly("service", "state", "replicas", "dashboard", "regions", "owners", "diagram", "runCommand");
        assertThat(template.inputs().get(2).type()).isEqualTo(InputType.NUMBER);
        assertThat(template.inputs().get(5).columns()).containsExactly("name", "email");
        assertThat(template.inputs().get(4).example()).contains("[\"eu-west-1\"]");
    }

    @Test
    void the_descriptors_rules_reject_inputs_naming_each_field() {
        DeclarativeTemplate template = DeclarativeTemplates.fromText("template.yaml", DESCRIPTOR, "body.md", BODY);

        assertThatThrownBy(() -> template.render(new TemplateInputs(Map.of("service", "x".repeat(41), "state", "ODD",
                "replicas", 0)), CONTEXT))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("inputs.service: is longer than 40 characters")
                .hasMessageContaining("inputs.state: must be one of HEALTHY, DOWN")
                .hasMessageContaining("inputs.replicas: must be at least 1");
    }

    @Test
    void a_bad_descriptor_is_reported_at_file_line_and_column() {
        String broken = DESCRIPTOR.replace("    type: number\n", "    type: integer\n").replace("version: 1.2.0", "version: 1.2.0\ncolour: red");

        assertThatThrownBy(() -> DeclarativeTemplates.fromText("template.yaml", broken, "body.md", BODY))
                .isInstanceOf(TemplateDefinitionException.class)
                .hasMessageContaining("template.yaml:3:1: 'colour' is not a known key here")
                .hasMessageContaining("template.yaml:25:11: 'integer' is not an input type");
    }

    @Test
    void invalid_yaml_is_reported_where_the_parser_stopped() {
        assertThatThrownBy(() -> DeclarativeTemplates.fromText("template.yaml", "id: x\nversion: [1.0\n", "body.md", BODY))
                .isInstanceOf(TemplateDefinitionException.class)
                .hasMessageMatching("(?s)template\\.yaml:3:1: not valid YAML: .*");
    }

    @Test
    void a_bad_body_is_reported_at_file_line_and_column_with_every_problem() {
        String body = "# {{servce}}\n\nText {{state | shout}}\n\n{{#if service}}\nopen\n\n{{/each}}\n\n{{#each owners}}\n- x\n";

        assertThatThrownBy(() -> DeclarativeTemplates.fromText("template.yaml", DESCRIPTOR, "body.md", body))
                .isInstanceOf(TemplateDefinitionException.class)
                .satisfies(e -> assertThat(((TemplateDefinitionException) e).problems()).extracting(TemplateProblem::toString)
                        .containsExactly(
                                "body.md:1:3: 'servce' is not an input of this template",
                                "body.md:3:6: 'shout' is not a filter; the filters are attached, code, count, distinct, emphasis,"
                                        + " join, lines, link, link-or-code, lower, many, paragraphs, shell, status, strong, upper,"
                                        + " weburl",
                                "body.md:5:1: {{#if}} is not closed with {{/if}}",
                                "body.md:8:1: {{/each}} where {{/if}} (opened at line 5, column 1) was expected",
                                "body.md:10:1: {{#each}} is not closed with {{/each}}"));
    }

    @Test
    void a_rich_filter_where_only_text_can_stand_is_refused_when_the_template_loads() {
        String body = """
                ```
                {{state | status}}
                ```

                Run `{{service | code}}` or see [the board]({{dashboard|link}}).

                > [!INFO] State {{state | strong}}
                > text
                """;

        assertThatThrownBy(() -> DeclarativeTemplates.fromText("template.yaml", DESCRIPTOR, "body.md", body))
                .isInstanceOf(TemplateDefinitionException.class)
                .satisfies(e -> assertThat(((TemplateDefinitionException) e).problems()).extracting(TemplateProblem::toString)
                        .containsExactly(
                                "body.md:2:1: the status filter makes rich content and cannot stand in a code block",
                                "body.md:5:5: the code filter makes rich content and cannot stand in inline code",
                                "body.md:5:33: the link filter makes rich content and cannot stand in a link's address",
                                "body.md:7:17: the strong filter makes rich content and cannot stand in a panel title"));
    }

    @Test
    void loads_a_template_folder_and_a_zip_of_it(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("service-overview"));
        Files.writeString(folder.resolve("template.yaml"), DESCRIPTOR);
        Files.writeString(folder.resolve("body.md"), BODY);
        Path zip = dir.resolve("service-overview.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : List.of("template.yaml", "body.md")) {
                out.putNextEntry(new java.util.zip.ZipEntry(name));
                out.write(Files.readAllBytes(folder.resolve(name)));
                out.closeEntry();
            }
        }

        assertThat(DeclarativeTemplates.isTemplate(folder)).isTrue();
        assertThat(DeclarativeTemplates.isTemplate(zip)).isTrue();
        assertThat(DeclarativeTemplates.isTemplate(dir)).isFalse();
        TemplateInputs inputs = new TemplateInputs(Map.of("service", "Checkout"));
        assertThat(DeclarativeTemplates.load(zip).render(inputs, CONTEXT)).isEqualTo(DeclarativeTemplates.load(folder).render(inputs, CONTEXT));
        Files.writeString(folder.resolve("body.md"), "ok\n\n{{#if service}}\n");
        assertThatThrownBy(() -> DeclarativeTemplates.load(folder))
                .hasMessage(folder.toAbsolutePath() + "/body.md:3:1: {{#if}} is not closed with {{/if}}");
    }

    @Test
    void a_path_that_does_not_exist_is_named_as_missing(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-template");

        assertThatThrownBy(() -> DeclarativeTemplates.load(missing))
                .hasMessage(missing.toAbsolutePath() + ":1:1: no such folder or file: a template is a folder, or a .zip or .jar holding one");
    }
}
