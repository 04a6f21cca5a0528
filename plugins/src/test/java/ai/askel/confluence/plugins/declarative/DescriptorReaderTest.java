package ai.askel.confluence.plugins.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a descriptor may declare, and how each mistake in it is reported at its line and column. */
class DescriptorReaderTest {
    private static final String HEAD = "id: checks\nversion: 1.0.0\ninputs:\n";

    @Test
    void required_is_true_or_false_and_anything_else_is_refused_where_it_is_written() {
        for (String junk : List.of("maybe", "1", "yes", "True", "\"\"")) {
            String descriptor = "id: checks\nversion: 1.0.0\ntitle: \"{service}\"\ninputs:\n"
                    + "  - name: service\n    type: string\n    required: " + junk + "\n";

            assertThat(problems(descriptor)).as("required: %s", junk)
                    .containsExactly("template.yaml:7:15: required must be true or false");
        }
        assertThat(load(HEAD + "  - name: a\n    type: string\n    required: true\n  - name: b\n    type: string\n    required: false\n")
                .inputs()).extracting(input -> input.name() + "=" + input.required()).containsExactly("a=true", "b=false");
    }

    @Test
    void a_default_that_breaks_its_own_inputs_rules_is_refused_where_it_is_written() {
        String descriptor = HEAD + """
                  - name: health
                    type: string
                    allowed: [HEALTHY, DOWN]
                    default: FINE
                  - name: replicas
                    type: number
                    default: three
                  - name: code
                    type: string
                    pattern: "[a-z]+"
                    maxLength: 3
                    default: ABCDE
                  - name: size
                    type: number
                    min: 1
                    max: 5
                    default: 9
                  - name: dashboard
                    type: url
                    default: "javascript:alert(1)"
                  - name: tags
                    type: list
                    maxItems: 1
                    default: [a, b]
                  - name: paused
                    type: boolean
                    default: maybe
                  - name: owners
                    type: table
                    columns: [name]
                    default: [{name: Ada, phone: "1"}]
                """;

        assertThat(problems(descriptor)).containsExactly(
                "template.yaml:7:14: the default 'FINE' must be one of HEALTHY, DOWN",
                "template.yaml:10:14: the default 'three' must be a number",
                "template.yaml:15:14: the default 'ABCDE' is longer than 3 characters",
                "template.yaml:15:14: the default 'ABCDE' does not match the pattern [a-z]+",
                "template.yaml:20:14: the default '9' must be at most 5",
                "template.yaml:23:14: the default 'javascript:alert(1)' is not an http or https URL",
                "template.yaml:27:14: the default has more than 1 items",
                "template.yaml:30:14: the default 'maybe' must be true or false",
                "template.yaml:34:14: the default names phone, which is not a column of owners; its columns are name");
    }

    @Test
    void defaults_that_keep_their_inputs_rules_load() {
        String descriptor = HEAD + """
                  - name: health
                    type: string
                    allowed: [HEALTHY, DOWN]
                    default: DOWN
                  - name: replicas
                    type: number
                    min: 1
                    default: 2
                  - name: tags
                    type: list
                    default: [a, b]
                  - name: paused
                    type: boolean
                    default: false
                """;

        assertThat(load(descriptor).inputs()).hasSize(4);
    }

    @Test
    void rules_that_mean_nothing_for_the_inputs_type_are_refused_and_every_problem_is_one_line_in_file_order() {
        String descriptor = """
                id: checks
                version: 1.0.0
                title: "{service}"
                inputs:
                  - name: service
                    type: string
                    required: true
                    pattern: "[a-z"
                    min: 1
                    columns: [a]
                  - name: owners
                    type: table
                  - name: tags
                    type: list
                    maxLength: 3
                """;

        assertThat(problems(descriptor)).containsExactly(
                "template.yaml:8:14: pattern is not a regular expression: Unclosed character class near index 3",
                "template.yaml:9:10: min applies to a number input, not a string input",
                "template.yaml:10:14: columns applies to a table input, not a string input",
                "template.yaml:11:5: a table input names its columns: columns: [name, email]",
                "template.yaml:15:16: maxLength applies to a string, text or url input, not a list input");
    }

    private static DeclarativeTemplate load(String descriptor) {
        return DeclarativeTemplates.fromText("template.yaml", descriptor, "body.md", "x\n");
    }

    private static List<String> problems(String descriptor) {
        Throwable thrown = catchThrowable(() -> load(descriptor));
        assertThat(thrown).isInstanceOf(TemplateDefinitionException.class);
        return ((TemplateDefinitionException) thrown).problems().stream().map(TemplateProblem::toString).toList();
    }
}
