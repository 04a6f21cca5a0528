package ai.askel.confluence.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.error.InvalidInputException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LabelTest {

    @Test
    void labels_are_lower_cased_and_trimmed_as_confluence_stores_them() {
        assertThat(Label.of("  Production-EU ").name()).isEqualTo("production-eu");
        assertThat(Label.of("RUNBOOK")).isEqualTo(Label.of("runbook"));
    }

    @Test
    void lower_casing_does_not_depend_on_the_default_locale() {
        // in a Turkish locale "TITLE".toLowerCase() gives a dotless i
        assertThat(Label.of("TITLE").name()).isEqualTo("title");
    }

    @ParameterizedTest
    @ValueSource(strings = {"team/infra", "a_b", "v1-2", "über", "日本", "~x"})
    void slashes_underscores_and_letters_of_any_script_are_allowed(String name) {
        assertThat(Label.of(name).name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"two words", "tab\there", "nbsp\u00A0x", "em\u2003space", "line\nbreak"})
    void whitespace_inside_is_rejected(String name) {
        assertThatThrownBy(() -> Label.of(name))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("label: ")
                .hasMessageContaining("contains whitespace; a label is one word");
    }

    @Test
    void control_characters_are_rejected() {
        assertThatThrownBy(() -> Label.of("a\u0001b"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("contains a control character");
    }

    static Stream<Character> forbidden() {
        return Label.FORBIDDEN.chars().mapToObj(c -> (char) c);
    }

    @ParameterizedTest
    @MethodSource("forbidden")
    void each_character_confluence_refuses_is_named_in_the_message(char c) {
        assertThatThrownBy(() -> Label.of("ab" + c + "cd"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("contains '" + c + "', which Confluence does not allow in labels");
    }

    // Atlassian documents no exact set (api-reference.md: "UNCONFIRMED"); this pins ours so a change is deliberate
    @Test
    void the_forbidden_set_is_pinned_and_keeps_slash_dash_and_underscore_allowed() {
        assertThat(Label.FORBIDDEN).contains(":", ";", ",", ".", "!", "#", "&", "(", ")", "*", "?", "<", ">", "@", "[", "]",
                "^", "\"", "'", "\\", "|", "{", "}", "=", "+", "%", "$", "`").doesNotContain("/", "-", "_");
    }

    @Test
    void at_most_255_characters() {
        assertThat(Label.of("a".repeat(255)).name()).hasSize(255);
        assertThatThrownBy(() -> Label.of("a".repeat(256)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("label: is 256 characters long; Confluence allows at most 255");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void blank_is_required(String name) {
        assertThatThrownBy(() -> Label.of(name)).isInstanceOf(InvalidInputException.class).hasMessage("label: is required");
    }

    @Test
    void labels_sort_by_name() {
        assertThat(Stream.of(Label.of("b"), Label.of("A"), Label.of("c")).sorted())
                .containsExactly(Label.of("a"), Label.of("b"), Label.of("c"));
    }

    @Test
    void fifty_labels_for_one_write_are_accepted() {
        Label.checkCount(Label.MAX_PER_REQUEST);

        assertThat(Label.MAX_PER_REQUEST).isEqualTo(50);
    }

    @Test
    void fifty_one_labels_for_one_write_are_refused_naming_the_field_and_both_counts() {
        assertThatThrownBy(() -> Label.checkCount(Label.MAX_PER_REQUEST + 1))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsExactly(new InvalidInputException.Problem("labels", "at most 50 labels, got 51")))
                .hasMessage("labels: at most 50 labels, got 51");
    }
}
