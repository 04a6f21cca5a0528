package ai.askel.confluence.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CloudIdTest {

    @Test
    void a_uuid_is_a_cloud_id_in_lower_case() {
        assertThat(new CloudId("A436116F-02CE-4520-8FBB-7301462A1674")).hasToString("a436116f-02ce-4520-8fbb-7301462a1674")
                .isEqualTo(new CloudId("a436116f-02ce-4520-8fbb-7301462a1674"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a436116f02ce45208fbb7301462a1674", "a436116f-02ce-4520-8fbb-7301462a167", "../../admin",
            "a436116f-02ce-4520-8fbb-7301462a1674/x", "g436116f-02ce-4520-8fbb-7301462a1674"})
    void anything_else_is_rejected_because_it_becomes_part_of_a_url(String value) {
        assertThatThrownBy(() -> new CloudId(value))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("cloudId: ")
                .hasMessageContaining("is not an Atlassian cloud id");
    }

    @Test
    void blank_is_required() {
        assertThatThrownBy(() -> new CloudId("")).isInstanceOf(InvalidInputException.class).hasMessage("cloudId: is required");
    }
}
