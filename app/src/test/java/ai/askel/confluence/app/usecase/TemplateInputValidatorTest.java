package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.domain.error.InvalidInputException.Problem;
import ai.askel.confluence.ports.spi.InputType;
import ai.askel.confluence.ports.spi.TemplateInput;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateInputValidatorTest {
    private static final List<TemplateInput> DECLARED = List.of(
            TemplateInput.required("name", InputType.STRING, "name"),
            TemplateInput.optional("notes", InputType.TEXT, "notes"),
            TemplateInput.required("site", InputType.URL, "site"),
            TemplateInput.optional("replicas", InputType.NUMBER, "replicas"),
            TemplateInput.optional("enabled", InputType.BOOLEAN, "enabled"),
            TemplateInput.optional("regions", InputType.STRING_LIST, "regions"),
            TemplateInput.table("contacts", true, "contacts", List.of("name", "role")));

    private final TemplateInputValidator validator = new TemplateInputValidator();

    private List<String> problems(Map<String, Object> values) {
        return validator.problems("t", DECLARED, new TemplateInputs(values)).stream().map(Problem::toString).toList();
    }

    @Test
    void valid_inputs_pass() {
        assertThatCode(() -> validator.validate("t", DECLARED, new TemplateInputs(Map.of(
                "name", "prod", "notes", "line one\nline two", "site", "https://prod.example/x", "replicas", 3, "enabled", true,
                "regions", List.of("eu-west-1"), "contacts", List.of(Map.of("name", "Ada", "role", "On call"))))))
                .doesNotThrowAnyException();
    }

    @Test
    void a_table_row_may_leave_out_or_blank_any_of_its_columns() {
        assertThat(problems(Map.of("name", "prod", "site", "https://prod.example",
                "contacts", List.of(Map.of("name", "Ada"), Map.of("role", "On call", "name", "  "))))).isEmpty();
    }

    @Test
    void every_problem_is_listed_at_once() {
        assertThat(problems(Map.of("name", 7, "site", "javascript:alert(1)", "replicas", "three", "enabled", "yes",
                "regions", List.of("eu", 5), "contacts", List.of(Map.of("name", "Ada", "role", 3), "not a row", Map.of("name", "Bo", "role", "x", "pager", "1")),
                "colour", "blue")))
                .containsExactly(
                        "inputs.name: must be a string, not a number",
                        "inputs.site: 'javascript:alert(1)' is not an http or https URL",
                        "inputs.replicas: must be a number, not a string",
                        "inputs.enabled: must be true or false, not a string",
                        "inputs.regions[1]: must be a string, not a number",
                        "inputs.contacts[0].role: must be a string, not a number",
                        "inputs.contacts[1]: must be a row with name, role, not a string",
                        "inputs.contacts[2].pager: is not a column of contacts; its columns are name, role",
                        "inputs.colour: is not an input of template t; it takes name, notes, site, replicas, enabled, regions, contacts");
    }

    @Test
    void a_list_of_a_million_bad_elements_keeps_two_hundred_problems_and_counts_the_rest() {
        List<Object> regions = java.util.Collections.nCopies(1_000_000, 7);

        List<Problem> problems = validator.problems("t", DECLARED, new TemplateInputs(Map.of("name", "n", "site", "https://s.example",
                "contacts", List.of(Map.of("name", "a", "role", "b")), "regions", regions)));

        assertThat(problems).hasSize(TemplateInputValidator.MAX_PROBLEMS + 1);
        assertThat(problems.get(0).field()).isEqualTo("inputs.regions[0]");
        assertThat(problems.get(problems.size() - 1).toString()).contains("and " + (1_000_000 - TemplateInputValidator.MAX_PROBLEMS) + " more");
    }

    @Test
    void missing_and_blank_required_inputs_are_named() {
        assertThat(problems(Map.of("name", "  "))).containsExactly(
                "inputs.name: is required by template t", "inputs.site: is required by template t", "inputs.contacts: is required by template t");
    }

    @Test
    void a_string_input_is_one_line_and_a_url_needs_a_host() {
        assertThat(problems(Map.of("name", "a\nb", "site", "https://", "contacts", List.of())))
                .containsExactly("inputs.name: must be one line of text", "inputs.site: 'https://' is not an http or https URL");
    }

    @Test
    void validate_throws_with_every_problem() {
        assertThatThrownBy(() -> validator.validate("t", DECLARED, TemplateInputs.empty()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).hasSize(3));
    }
}
