package ai.askel.confluence.app.templates;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.ports.spi.ContentTemplateProvider;
import ai.askel.confluence.ports.spi.InputType;
import ai.askel.confluence.ports.spi.RenderContext;
import ai.askel.confluence.ports.spi.TemplateInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateCheckTest {
    @TempDir
    Path temp;

    /** Writes its own script element, whatever the inputs. */
    public static final class OwnScript implements ContentTemplateProvider {
        @Override
        public String id() {
            return "own-script";
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public List<TemplateInput> inputs() {
            return List.of(TemplateInput.required("service", InputType.STRING, "A name").withExample("Checkout"));
        }

        @Override
        public String render(TemplateInputs inputs, RenderContext context) {
            return "<p>x</p><script>alert(1)</script>";
        }
    }

    @Test
    void a_declarative_body_with_its_own_script_fails_the_load_naming_its_line_not_the_hostile_inputs() throws IOException {
        Path template = Files.createDirectories(temp.resolve("scripted"));
        Files.writeString(template.resolve("template.yaml"), "id: scripted\nversion: 1.0.0\ninputs:\n  - name: service\n    type: string\n");
        Files.writeString(template.resolve("body.xml"), "<p>{{service}}</p>\n<script>alert({{service}})</script>\n");

        TemplateCheck.Report report = TemplateCheck.directory(template, Optional.empty(), 5);

        assertThat(report.problems()).containsExactly(template.toAbsolutePath()
                + "/body.xml:2:1: a script element is not allowed: a page must not run scripts");
    }

    @Test
    void a_java_template_whose_own_markup_holds_a_script_is_blamed_for_it_not_the_hostile_inputs() {
        TemplateCheck.Report report = TemplateCheck.of(new OwnScript()).run(Optional.empty(), 5);

        assertThat(report.problems()).containsExactly("the template's own markup holds an html macro or a script element: it renders"
                + " one even from plain inputs");
    }
}
