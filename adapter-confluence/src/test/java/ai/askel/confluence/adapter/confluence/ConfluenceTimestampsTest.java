package ai.askel.confluence.adapter.confluence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfluenceTimestampsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2024-05-01T10:15:30Z, 2024-05-01T10:15:30Z",
            "2024-05-01T10:15:30.1Z, 2024-05-01T10:15:30.100Z",
            "2024-05-01T10:15:30.123Z, 2024-05-01T10:15:30.123Z",
            "2024-05-01T10:15:30.123456789Z, 2024-05-01T10:15:30.123456789Z",
            "2024-02-29T23:59:59.999Z, 2024-02-29T23:59:59.999Z",
            "2024-05-01T12:15:30.123+02:00, 2024-05-01T10:15:30.123Z",
            "2024-05-01T10:15:30.123+0000, 2024-05-01T10:15:30.123Z",
            "2024-05-01T10:15Z, 2024-05-01T10:15:00Z",
            "' 2024-05-01T10:15:30Z ', 2024-05-01T10:15:30Z"})
    void every_form_confluence_writes_is_read_as_the_same_instant(String written, String expected) {
        assertThat(ConfluenceMapper.instant(written)).contains(Instant.parse(expected));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"2024-13-01T10:15:30Z", "2023-02-29T10:15:30.000Z", "2024-05-01T24:15:30Z",
            "2024-05-01T10:15:30.1234567890Z", "2024-O5-01T10:15:30Z", "2024-05-01T10:15:+0Z", "+024-05-01T10:15:30Z",
            "2024-05-01 10:15:30Z", "yesterday", " "})
    void anything_else_is_no_timestamp(String written) {
        assertThat(ConfluenceMapper.instant(written)).isEmpty();
    }
}
