package ai.askel.confluence.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.adapter.persistence.FileSearch.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSearchTest {
    /** The longest string the tests seek: the search reads blocks of BLOCK + LONGEST bytes and carries LONGEST - 1 over. */
    private static final int LONGEST = 40;

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

    private static Result search(Path file, Collection<byte[]> needles) throws IOException {
        return FileSearch.search(file, needles, System.nanoTime() + 60_000_000_000L);
    }

    @Test
    void finds_a_string_at_the_start_at_the_end_and_across_the_ends_of_the_blocks_read() throws IOException {
        byte[] content = randomBytes(3 * FileSearch.BLOCK + 1000);
        Path file = fileWith(content);
        int firstEnd = FileSearch.BLOCK + LONGEST; // the first read's last byte is just before this offset
        int secondEnd = 2 * FileSearch.BLOCK + LONGEST + 1; // the second read starts at BLOCK + 1 with LONGEST - 1 carried

        List<int[]> ranges = List.of(new int[] {0, LONGEST}, new int[] {content.length - LONGEST, content.length},
                new int[] {firstEnd - 20, firstEnd + 20}, new int[] {firstEnd - 4, firstEnd + 4}, new int[] {firstEnd - 1, firstEnd + 7},
                new int[] {secondEnd - 20, secondEnd + 20}, new int[] {secondEnd - 4, secondEnd + 4},
                new int[] {FileSearch.BLOCK - 20, FileSearch.BLOCK + 20});
        for (int[] range : ranges) {
            byte[] needle = Arrays.copyOfRange(content, range[0], range[1]);
            assertThat(search(file, List.of(randomBytes(LONGEST), needle))).as("bytes %d to %d", range[0], range[1]).isEqualTo(Result.FOUND);
        }
    }

    @Test
    void answers_absent_when_no_string_is_there_even_if_a_prefix_is() throws IOException {
        byte[] content = randomBytes(FileSearch.BLOCK + 100);
        byte[] samePrefixOtherEnd = Arrays.copyOfRange(content, 500, 540);
        samePrefixOtherEnd[39] ^= 1;
        Path file = fileWith(content);

        assertThat(search(file, List.of(randomBytes(40), randomBytes(17), samePrefixOtherEnd))).isEqualTo(Result.ABSENT);
        assertThat(search(file, List.of())).isEqualTo(Result.ABSENT);
        assertThat(search(fileWith(new byte[0]), List.of(randomBytes(20)))).isEqualTo(Result.ABSENT);
    }

    @Test
    void a_deadline_that_has_passed_leaves_the_search_unfinished() throws IOException {
        Path file = fileWith(randomBytes(2 * FileSearch.BLOCK));

        assertThat(FileSearch.search(file, List.of(randomBytes(40)), System.nanoTime() - 1)).isEqualTo(Result.UNFINISHED);
    }

    @Test
    void a_string_too_short_to_search_for_is_refused() throws IOException {
        Path file = fileWith(randomBytes(100));

        assertThatThrownBy(() -> search(file, List.of(new byte[7]))).isInstanceOf(IllegalArgumentException.class);
    }
}
