package ai.askel.confluence.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AttachmentNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"diagram.png", "Runbook (v2).pdf", "a b.txt", ".hidden", "日本.txt", "x"})
    void file_names_pass_unchanged(String name) {
        assertThat(AttachmentName.require(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x.png", "dir/x.png", "C:\\x.png", "/etc/passwd"})
    void paths_are_refused(String name) {
        assertThatThrownBy(() -> AttachmentName.require(name)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must be a file name, not a path");
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "..", " x.png", "x.png "})
    void unusable_names_are_refused(String name) {
        assertThatThrownBy(() -> AttachmentName.require(name)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is not a usable file name");
    }

    @Test
    void control_characters_blank_and_overlong_names_are_refused() {
        assertThatThrownBy(() -> AttachmentName.require("a\nb.png")).hasMessageStartingWith("fileName: must not contain control characters");
        assertThatThrownBy(() -> AttachmentName.require(" ")).hasMessage("fileName: is required");
        assertThat(AttachmentName.require("a".repeat(255))).hasSize(255);
        assertThatThrownBy(() -> AttachmentName.require("a".repeat(256))).hasMessage("fileName: is longer than 255 characters");
    }
}
