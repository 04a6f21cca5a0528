package ai.askel.confluence.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.error.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretTest {
    private static final String TOKEN = "ATATT3xFfGF0-example-token=";

    @Test
    void to_string_is_redacted_wherever_a_secret_ends_up() {
        Secret secret = Secret.of(TOKEN, "apiToken");

        assertThat(secret).hasToString("****");
        assertThat(String.valueOf(List.of(secret))).doesNotContain(TOKEN);
        assertThat(Map.of("token", secret).toString()).doesNotContain(TOKEN);
        assertThat("%s".formatted(secret)).isEqualTo("****");
    }

    @Test
    void reveal_gives_the_plain_value() {
        assertThat(Secret.of(TOKEN, "apiToken").reveal()).isEqualTo(TOKEN);
    }

    @Test
    void matches_compares_whole_values() {
        Secret secret = Secret.of("abcdef", "k");

        assertThat(secret.matches(Secret.of("abcdef", "k"))).isTrue();
        assertThat(secret.matches(Secret.of("abcdeg", "k"))).isFalse();
        assertThat(secret.matches(Secret.of("abcde", "k"))).isFalse();
        assertThat(secret.matches(Secret.of("abcdefg", "k"))).isFalse();
        assertThat(secret.matches(Secret.of("Abcdef", "k"))).isFalse();
    }

    @Test
    void equality_follows_matches_and_the_hash_leaks_nothing() {
        Secret a = Secret.of("one-value", "k");
        Secret b = Secret.of("one-value", "k");
        Secret c = Secret.of("another-value", "k");

        assertThat(a).isEqualTo(b).isNotEqualTo(c).isNotEqualTo("one-value");
        assertThat(a.hashCode()).isEqualTo(c.hashCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void a_blank_secret_is_required_and_the_message_names_the_field(String value) {
        assertThatThrownBy(() -> Secret.of(value, "apiToken")).isInstanceOf(InvalidInputException.class).hasMessage("apiToken: is required");
        assertThatThrownBy(() -> Secret.of(null, "apiKey")).isInstanceOf(InvalidInputException.class).hasMessage("apiKey: is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tok en", "token\n", "tok\u0000en", "\ttoken"})
    void whitespace_or_control_characters_are_refused_without_echoing_the_value(String value) {
        assertThatThrownBy(() -> Secret.of(value, "apiToken"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("apiToken: must not contain whitespace or control characters");
    }
}
