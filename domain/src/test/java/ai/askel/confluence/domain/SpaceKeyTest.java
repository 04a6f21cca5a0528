package ai.askel.confluence.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpaceKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"INFRA", "ds", "A1", "X", "~557058:f2a9c4e1-7d1b-4a2e-9c3f-0123456789ab", "~jsmith", "~ada.lovelace@example.com"})
    void accepts_global_and_personal_keys(String key) {
        SpaceKey spaceKey = SpaceKey.of(key);

        assertThat(spaceKey.value()).isEqualTo(key);
        assertThat(spaceKey.isPersonal()).isEqualTo(key.startsWith("~"));
        assertThat(spaceKey).hasToString(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MY SPACE", "INFRA-1", "in_fra", "~", "~ bad", "~-x", "\"; DROP", "ÄBC", "space\n", "a/b"})
    void rejects_keys_confluence_would_refuse_with_a_message_that_says_how(String key) {
        assertThatThrownBy(() -> SpaceKey.of(key))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("spaceKey: ")
                .hasMessageContaining("is not a Confluence space key")
                .hasMessageContaining("letters and digits")
                .hasMessageContaining("personal space");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void a_missing_key_is_required(String key) {
        assertThatThrownBy(() -> SpaceKey.of(key))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("spaceKey: is required");
        assertThatThrownBy(() -> SpaceKey.of(null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
    }

    @Test
    void global_keys_are_limited_to_255_characters() {
        assertThat(SpaceKey.of("A".repeat(255)).value()).hasSize(255);
        assertThatThrownBy(() -> SpaceKey.of("A".repeat(256))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void a_long_bad_key_is_shortened_in_the_message() {
        String key = "x".repeat(300) + "!";

        assertThatThrownBy(() -> SpaceKey.of(key))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("x".repeat(37) + "...")
                .hasMessageNotContaining("x".repeat(41));
    }

    @Test
    void keys_compare_by_value() {
        assertThat(SpaceKey.of("INFRA")).isEqualTo(new SpaceKey("INFRA")).isNotEqualTo(SpaceKey.of("infra"));
    }
}
