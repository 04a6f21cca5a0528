package ai.askel.confluence.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliFilesTest {
    @TempDir
    Path dir;

    @Test
    void a_text_file_is_read_whole() throws IOException {
        Path file = Files.writeString(dir.resolve("body.xhtml"), "<p>Café</p>");

        assertThat(CliFiles.readText(file, "--body-file")).isEqualTo("<p>Café</p>");
    }

    @Test
    void a_pipe_is_read_like_a_file() throws Exception {
        Path fifo = dir.resolve("inputs.pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Process writer = new ProcessBuilder("sh", "-c", "printf '{\"name\": \"prod\"}' > " + fifo).start();

        assertThat(CliFiles.readJsonObject(fifo, "--inputs-file")).containsEntry("name", "prod");
        assertThat(writer.waitFor()).isZero();
    }

    @Test
    void a_file_that_is_not_utf8_is_named_so() throws IOException {
        Path file = Files.write(dir.resolve("latin1.md"), new byte[] {'C', 'a', 'f', (byte) 0xE9});

        assertThatThrownBy(() -> CliFiles.readText(file, "--markdown-file")).hasMessage("--markdown-file " + file + ": is not UTF-8 text");
    }

    @Test
    void a_file_larger_than_is_read_is_refused_without_reading_it_all() throws IOException {
        Path file = dir.resolve("huge.xhtml");
        try (var out = Files.newOutputStream(file)) {
            out.write(new byte[CliFiles.MAX_BYTES + 1]);
        }

        assertThatThrownBy(() -> CliFiles.readText(file, "--body-file")).hasMessageContaining("is larger than " + CliFiles.MAX_BYTES + " bytes");
    }

    @Test
    void a_file_it_may_not_read_is_named_so() throws IOException {
        Path file = Files.writeString(dir.resolve("secret.json"), "{}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(file), "running as a user who may read anything (root)");

        assertThatThrownBy(() -> CliFiles.readText(file, "--inputs-file")).hasMessage("--inputs-file " + file + ": permission denied");
    }

    @Test
    void json_that_is_null_or_not_an_object_is_named_so() throws IOException {
        Path nul = Files.writeString(dir.resolve("null.json"), "null");
        Path list = Files.writeString(dir.resolve("list.json"), "[1]");

        assertThatThrownBy(() -> CliFiles.readJsonObject(nul, "--inputs-file")).hasMessageContaining("is not a JSON object");
        assertThatThrownBy(() -> CliFiles.readJsonObject(list, "--inputs-file")).hasMessageContaining("is not a JSON object");
    }
}
