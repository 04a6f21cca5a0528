package ai.askel.confluence.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSearchTest {
    @TempDir
    Path dir;

    private final Random random = new Random(42);

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private Path fileWith(byte[] content) throws IOException {
        return Files.write(dir.resolve("data.bin"), content);
    }

    @Test
    void finds_a_string_at_the_start_at_the_end_and_across_a_block_boundary() throws IOException {
        byte[] content = randomBytes(3 * FileSearch.BLOCK + 1000);
        byte[] atStart = Arrays.copyOfRange(content, 0, 40);
        byte[] atEnd = Arrays.copyOfRange(content, content.length - 40, content.length);
        byte[] acrossFirstBoundary = Arrays.copyOfRange(content, FileSearch.BLOCK - 20, FileSearch.BLOCK + 20);
        byte[] acrossLaterBoundary = Arrays.copyOfRange(content, 2 * FileSearch.BLOCK - 35, 2 * FileSearch.BLOCK + 5);
        Path file = fileWith(content);

        for (byte[] needle : List.of(atStart, atEnd, acrossFirstBoundary, acrossLaterBoundary)) {
            assertThat(FileSearch.containsAny(file, List.of(randomBytes(40), needle))).isTrue();
        }
    }

    @Test
    void answers_false_when_no_string_is_there_even_if_a_prefix_is() throws IOException {
        byte[] content = randomBytes(FileSearch.BLOCK + 100);
        byte[] samePrefixOtherEnd = Arrays.copyOfRange(content, 500, 540);
        samePrefixOtherEnd[39] ^= 1;
        Path file = fileWith(content);

        assertThat(FileSearch.containsAny(file, List.of(randomBytes(40), randomBytes(17), samePrefixOtherEnd))).isFalse();
        assertThat(FileSearch.containsAny(file, List.of())).isFalse();
        assertThat(FileSearch.containsAny(fileWith(new byte[0]), List.of(randomBytes(20)))).isFalse();
    }

    @Test
    void a_string_too_short_to_search_for_is_refused() throws IOException {
        Path file = fileWith(randomBytes(100));

        assertThatThrownBy(() -> FileSearch.containsAny(file, List.of(new byte[7]))).isInstanceOf(IllegalArgumentException.class);
    }
}
