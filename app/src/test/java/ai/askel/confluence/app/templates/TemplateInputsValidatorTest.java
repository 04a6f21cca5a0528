package ai.askel.confluence.app.templates;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.ports.spi.InputType;
import ai.askel.confluence.ports.spi.TemplateInput;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateInputsValidatorTest {
    private static final List<TemplateInput> DECLARED = List.of(
            TemplateInput.required("environment", InputType.STRING, "The environment's name"),
            TemplateInput.optional("notes", InputType.TEXT, "Free notes"),
            TemplateInput.optional("statusPage", InputType.URL, "The public status page"),
            TemplateInput.optional("nodes", InputType.NUMBER, "How many nodes"),
            TemplateInput.optional("critical", InputType.BOOLEAN, "Whether the environment is business-critical"),
            TemplateInput.optional("regions", InputType.STRING_LIST, "Regions"),
            TemplateInput.table("contacts", true, "Escalation contacts", List.of("name", "role", "contact", "hours")));

    @Test
    void accepts_inputs_of_every_declared_type() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("environment", "Crestview Production");
        inputs.put("notes", "line one\nline two");
        inputs.put("statusPage", "https://status.crestview.example");
        inputs.put("nodes", 3);
        inputs.put("critical", true);
        inputs.put("regions", List.of("eu-west-1"));
        inputs.put("contacts", List.of(Map.of("name", "Ada", "role", "Lead", "contact", "ada@askel.ai", "hours", "24/7"),
                Map.of("name", "Grace")));

        assertThatCode(() -> validate(inputs)).doesNotThrowAnyException();
        assertThatCode(() -> validate(Map.of("environment", "x", "contacts", List.of(Map.of()), "nodes", new BigDecimal("2.5"))))
                .doesNotThrowAnyException();
    }

    @Test
    void lists_every_missing_and_mistyped_input_at_once() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("environment", "two\nlines");
        inputs.put("notes", 42);
        inputs.put("statusPage", "javascript:alert(1)");
        inputs.put("nodes", "three");
        inputs.put("critical", "yes");
        inputs.put("regions", List.of("eu-west-1", 7));
        inputs.put("contacts", List.of(Map.of("name", "Ada", "phone", "123"), "Grace", Map.of("hours", List.of())));
        inputs.put("colour", "blue");

        assertThatThrownBy(() -> validate(inputs))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(String.join("; ",
                        "inputs.environment: must be a single line of text",
                        "inputs.notes: must be text, not a number",
                        "inputs.statusPage: 'javascript:alert(1)' is not an http or https URL",
                        "inputs.nodes: must be a number, not text",
                        "inputs.critical: must be true or false, not text",
                        "inputs.regions[1]: must be text, not a number",
                        "inputs.contacts[0].phone: is not a column of this table; its columns are name, role, contact, hours",
                        "inputs.contacts[1]: must be a row with the fields name, role, contact, hours, not text",
                        "inputs.contacts[2].hours: must be text, not a list",
                        "inputs.colour: is not an input of template example; it takes environment, notes, statusPage, nodes,"
                                + " critical, regions, contacts"));
    }

    @Test
    void a_blank_string_or_an_empty_list_counts_as_missing() {
        assertThatThrownBy(() -> validate(Map.of("environment", "  ", "contacts", List.of())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("inputs.environment: is required: The environment's name; inputs.contacts: is required: Escalation contacts");
    }

    private static void validate(Map<String, Object> inputs) {
        TemplateInputsValidator.validate("example", DECLARED, new TemplateInputs(inputs));
    }
}
