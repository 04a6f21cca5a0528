package ai.askel.confluence.adapter.confluence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ConfluenceResponsesTest {
    private static final ObjectMapper MAPPER = ConfluenceAdapterModule.newMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void reads_the_reason_from_v2_v1_and_text_bodies() {
        assertThat(ConfluenceResponses.reason(MAPPER, ConfluenceFixtures.V2_409, 409)).startsWith("Version must be incremented when updating a page");
        assertThat(ConfluenceResponses.reason(MAPPER, ConfluenceFixtures.V1_409, 409)).isEqualTo("Version must be incremented on update. Current version is: 5");
        assertThat(ConfluenceResponses.reason(MAPPER, ConfluenceFixtures.TEXT_401, 401)).startsWith("Basic authentication with passwords is deprecated.");
        assertThat(ConfluenceResponses.reason(MAPPER, "", 502)).isEqualTo("HTTP 502 with no body");
        assertThat(ConfluenceResponses.reason(MAPPER, "x".repeat(1000), 500)).hasSize(300).endsWith("...");
    }

    @Test
    void parses_retry_after_as_seconds_date_or_absurd_number() {
        assertThat(ConfluenceResponses.retryAfter("9", CLOCK)).contains(Duration.ofSeconds(9));
        assertThat(ConfluenceResponses.retryAfter("Sat, 28 Nov 2026 10:00:30 GMT", CLOCK)).contains(Duration.ofSeconds(30));
        assertThat(ConfluenceResponses.retryAfter("Sat, 28 Nov 2026 09:00:00 GMT", CLOCK)).contains(Duration.ZERO);
        assertThat(ConfluenceResponses.retryAfter("9223372036854775807", CLOCK)).contains(Duration.ofSeconds(Long.MAX_VALUE));
        assertThat(ConfluenceResponses.retryAfter("99999999999999999999999", CLOCK)).contains(Duration.ofSeconds(Long.MAX_VALUE));
        assertThat(ConfluenceResponses.retryAfter("soon", CLOCK)).isEmpty();
        assertThat(ConfluenceResponses.retryAfter(null, CLOCK)).isEmpty();
    }

    @Test
    void finds_the_current_version_in_both_409_styles() {
        assertThat(ConfluenceErrors.currentVersion("Version must be incremented on update. Current version is: 5")).hasValue(5);
        assertThat(ConfluenceErrors.currentVersion("Version must be incremented when updating a page. Current Version: [3]. Provided version: [3]")).hasValue(3);
        assertThat(ConfluenceErrors.currentVersion("OptimisticLockException: Batch update returned unexpected row count")).isEmpty();
    }
}
