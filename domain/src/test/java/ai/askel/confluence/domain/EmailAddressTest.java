package ai.askel.confluence.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.error.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"ada@example.com", "ada.lovelace+confluence@mail.example.co.uk", "o'brien@example.ie", "x@a-b.io"})
    void accepts_email_addresses(String value) {
        assertThat(EmailAddress.of(value)).hasToString(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"  ada@example.com\t", "\nada@example.com"})
    void trims_surrounding_whitespace(String value) {
        assertThat(EmailAddress.of(value).value()).isEqualTo("ada@example.com");
    }

    // ':' would split a Basic-auth user name from its password; whitespace and a second '@' are never part of one
    @ParameterizedTest
    @ValueSource(strings = {"ada", "ada@", "@example.com", "ada@example", "ada@@example.com", "a da@example.com",
            "ada:x@example.com", "ada@exa mple.com", "ada@example.c", "ada@example.com:8080"})
    void rejects_what_is_not_an_email_address(String value) {
        assertThatThrownBy(() -> EmailAddress.of(value))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("email: ")
                .hasMessageContaining("is not an email address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " "})
    void blank_is_required(String value) {
        assertThatThrownBy(() -> EmailAddress.of(value)).isInstanceOf(InvalidInputException.class).hasMessage("email: is required");
    }

    @org.junit.jupiter.api.Test
    void the_local_part_is_at_most_64_characters() {
        assertThat(EmailAddress.of("a".repeat(64) + "@example.com").value()).startsWith("a".repeat(64));
        assertThatThrownBy(() -> EmailAddress.of("a".repeat(65) + "@example.com")).isInstanceOf(InvalidInputException.class);
    }
}
