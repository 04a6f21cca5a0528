package ai.askel.confluence.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import ai.askel.confluence.domain.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateRefTest {

    @Test
    void an_id_and_a_version_make_a_reference() {
        TemplateRef ref = new TemplateRef("environment-runbook", "1.2.0-rc.1+build5");

        assertThat(ref).hasToString("environment-runbook@1.2.0-rc.1+build5");
        assertThat(ref).isEqualTo(new TemplateRef("environment-runbook", "1.2.0-rc.1+build5"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Runbook", "-runbook", "run book", "run_book", "runbook/../x"})
    void ids_are_lower_case_letters_digits_and_dashes(String id) {
        assertThatThrownBy(() -> new TemplateRef(id, "1"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("template: ")
                .hasMessageContaining("is not a template id");
    }

    @Test
    void ids_are_at_most_64_characters() {
        assertThatNoException().isThrownBy(() -> TemplateRef.requireValidId("a".repeat(64)));
        assertThatThrownBy(() -> TemplateRef.requireValidId("a".repeat(65))).isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {".1", "1 0", "v1/2", "1.0\n"})
    void versions_have_a_shape_too(String version) {
        assertThatThrownBy(() -> new TemplateRef("runbook", version))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("templateVersion: ");
    }

    @Test
    void both_parts_are_required() {
        assertThatThrownBy(() -> new TemplateRef(" ", "1")).hasMessage("template: is required");
        assertThatThrownBy(() -> new TemplateRef("runbook", null)).hasMessage("templateVersion: is required");
        assertThatThrownBy(() -> new TemplateRef("runbook", "1".repeat(33))).isInstanceOf(InvalidInputException.class);
    }
}
