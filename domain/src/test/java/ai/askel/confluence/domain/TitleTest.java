package ai.askel.confluence.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TitleTest {

    @Test
    void surrounding_whitespace_is_trimmed() {
        assertThat(Title.of("  Crestview Production \t").value()).isEqualTo("Crestview Production");
    }

    @Test
    void inner_whitespace_and_punctuation_are_kept() {
        assertThat(Title.of("Runbook: <prod> & \"staging\"  v2").value()).isEqualTo("Runbook: <prod> & \"staging\"  v2");
    }

    @Test
    void a_single_character_is_enough() {
        assertThat(Title.of("x").value()).isEqualTo("x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n "})
    void blank_titles_are_required(String value) {
        assertThatThrownBy(() -> Title.of(value)).isInstanceOf(InvalidInputException.class).hasMessage("title: is required");
    }

    @Test
    void null_is_required_too() {
        assertThatThrownBy(() -> Title.of(null)).isInstanceOf(InvalidInputException.class).hasMessage("title: is required");
    }

    @Test
    void the_limit_is_255_code_points_not_utf16_units() {
        String emoji = "\uD83D\uDE80"; // one code point, two chars
        assertThat(Title.of(emoji.repeat(255)).value()).hasSize(510);
        assertThat(Title.of("a".repeat(255)).value()).hasSize(255);

        assertThatThrownBy(() -> Title.of(emoji.repeat(256)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("title: is 256 characters long; Confluence allows at most 255");
    }

    @Test
    void the_limit_applies_after_trimming() {
        assertThat(Title.of("  " + "a".repeat(255) + "  ").value()).hasSize(255);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "line\nbreak", "a\u0007", "tab\tinside", "del\u007F", "c1\u0085"})
    void control_characters_inside_are_rejected_with_their_position(String value) {
        assertThatThrownBy(() -> Title.of(value))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("title: must not contain control characters (found U+");
    }

    @Test
    void the_message_names_the_control_character_and_position() {
        assertThatThrownBy(() -> Title.of("ab\u0001"))
                .hasMessage("title: must not contain control characters (found U+0001 at position 3)");
    }
}
