package ai.askel.confluence.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.storage.Inline;
import ai.askel.confluence.domain.storage.StorageBuilder;
import ai.askel.confluence.plugins.runbook.CustomerEnvironmentRunbookProvider;
import ai.askel.confluence.ports.spi.ContentTemplateProvider;
import ai.askel.confluence.ports.spi.InputType;
import ai.askel.confluence.ports.spi.RenderContext;
import ai.askel.confluence.ports.spi.TemplateInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateTesterTest {
    /** A template with one input, the file name of a diagram it shows when the page carries it. */
    private static final String DIAGRAM_DESCRIPTOR = """
                id: diagram-page
                version: 1.0.0
                inputs:
                  - name: diagram
                    type: string
                    required: true
                    description: The attached diagram's file name
                    example: arch.png
                """;

    /** Escapes nothing: the mistake the kit exists to catch. */
    public static final class Concatenating implements ContentTemplateProvider {
        @Override
        public String id() {
            return "concatenating";
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public List<TemplateInput> inputs() {
            return List.of(TemplateInput.required("name", InputType.STRING, "A name").withExample("Ada"));
        }

        @Override
        public String render(TemplateInputs inputs, RenderContext context) {
            return "<p>" + inputs.requiredString("name") + "</p>";
        }
    }

    /** Builds its body with StorageBuilder: safe. */
    public static final class Built implements ContentTemplateProvider {
        @Override
        public String id() {
            return "built";
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public List<TemplateInput> inputs() {
            return List.of(TemplateInput.required("name", InputType.STRING, "A name").withExample("Ada"));
        }

        @Override
        public String render(TemplateInputs inputs, RenderContext context) {
            return StorageBuilder.create().paragraph(Inline.strong("Name: "), Inline.text(inputs.requiredString("name"))).build();
        }
    }

    /** Throws from its render, as a template with a bug does. */
    public static final class Throwing implements ContentTemplateProvider {
        @Override
        public String id() {
            return "throwing";
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public String render(TemplateInputs inputs, RenderContext context) {
            throw new IllegalStateException("boom");
        }
    }

    /** Declares a string, reads a number. */
    public static final class WrongType implements ContentTemplateProvider {
        @Override
        public String id() {
            return "wrongtype";
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public List<TemplateInput> inputs() {
            return List.of(TemplateInput.required("service", InputType.STRING, "The service").withExample("Checkout"));
        }

        @Override
        public String render(TemplateInputs inputs, RenderContext context) {
            return StorageBuilder.create().paragraph(inputs.number("service").orElseThrow().toPlainString()).build();
        }
    }

    @Test
    void a_template_that_throws_fails_the_checks_with_its_message_and_its_exception_as_the_cause() {
        TemplateTester tester = TemplateTester.forProvider(new Throwing());

        assertThatThrownBy(tester::assertPassesAllChecks).isInstanceOf(AssertionError.class)
                .hasMessageContaining("template throwing@1 failed to render: java.lang.IllegalStateException: boom")
                .cause().isInstanceOf(IllegalStateException.class).hasMessage("boom")
                .satisfies(cause -> assertThat(cause.getStackTrace()[0].getClassName()).isEqualTo(Throwing.class.getName()));
    }

    @Test
    void a_template_reading_an_input_as_another_type_than_it_declares_fails_as_the_templates_error() {
        TemplateTester tester = TemplateTester.forProvider(new WrongType());

        assertThat(tester.check().problems())
                .contains("sample inputs: template wrongtype read input 'service' as a number, but declares it string");
        assertThatThrownBy(() -> tester.render(Map.of("service", "Checkout")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TEMPLATE_ERROR));
    }

    @Test
    void the_built_in_runbook_passes_every_check() {
        TemplateTester tester = TemplateTester.forProvider(new CustomerEnvironmentRunbookProvider());

        var report = tester.check();

        assertThat(report.problems()).isEmpty();
        assertThat(report.passed()).hasSize(4);
    }

    @Test
    void renders_as_the_connector_does_and_rejects_what_it_rejects() {
        TemplateTester tester = TemplateTester.forProvider(new Built());

        assertThat(tester.render(Map.of("name", "<Ada>"))).isEqualTo("<p><strong>Name: </strong>&lt;Ada&gt;</p>");
        tester.assertRejects(Map.of("nam", "typo"), "inputs.name", "inputs.nam");
        tester.assertDeterministic(Map.of("name", "Ada"));
        assertThat(tester.renderHtml(Map.of("name", "Ada"))).contains("<p><strong>Name: </strong>Ada</p>");
    }

    @Test
    void a_template_that_concatenates_fails_the_checks_naming_the_problem() {
        TemplateTester tester = TemplateTester.forProvider(new Concatenating());

        assertThatThrownBy(tester::assertSafeAgainstHostileInputs).isInstanceOf(AssertionError.class)
                .hasMessageContaining("hostile inputs: round 0");
        assertThatThrownBy(tester::assertPassesAllChecks).isInstanceOf(AssertionError.class)
                .hasMessageContaining("template concatenating fails its checks");
    }

    @Test
    void tests_a_declarative_template_folder_with_attachments(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("template.yaml"), DIAGRAM_DESCRIPTOR);
        Files.writeString(dir.resolve("body.md"), """
                {{#if diagram | attached}}
                ![Diagram]({{diagram}})
                {{else}}
                Attach {{diagram | code}}.
                {{/if}}
                """);

        TemplateTester tester = TemplateTester.forDirectory(dir);

        assertThat(tester.render(Map.of("diagram", "arch.png"))).isEqualTo("<p>Attach <code>arch.png</code>.</p>");
        assertThat(tester.withAttachments("arch.png").render(Map.of("diagram", "arch.png")))
                .isEqualTo("<ac:image ac:alt=\"Diagram\"><ri:attachment ri:filename=\"arch.png\" /></ac:image>");
        tester.assertPassesAllChecks();
    }

    @Test
    void tests_a_declarative_template_folder_with_a_storage_format_body(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("template.yaml"), DIAGRAM_DESCRIPTOR);
        Files.writeString(dir.resolve("body.xml"),
                "{{#if diagram | attached}}<ac:image ac:alt=\"Diagram\"><ri:attachment ri:filename=\"{{diagram}}\" /></ac:image>"
                        + "{{else}}<p>Attach {{diagram | code}}.</p>{{/if}}");

        TemplateTester tester = TemplateTester.forDirectory(dir);

        assertThat(tester.render(Map.of("diagram", "arch.png"))).isEqualTo("<p>Attach <code>arch.png</code>.</p>");
        assertThat(tester.withAttachments("a\"b.png").render(Map.of("diagram", "a\"b.png")))
                .isEqualTo("<ac:image ac:alt=\"Diagram\"><ri:attachment ri:filename=\"a&quot;b.png\" /></ac:image>");
        tester.assertPassesAllChecks();
    }

    @Test
    void a_declarative_template_that_does_not_load_fails_with_file_line_and_column(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("template.yaml"), "id: x\nversion: 1\ninputs:\n  - name: a\n    type: strin\n");
        Files.writeString(dir.resolve("body.md"), "{{a}}\n");

        assertThatThrownBy(() -> TemplateTester.forDirectory(dir)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("template.yaml:5:11: 'strin' is not an input type");
    }
}
