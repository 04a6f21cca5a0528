package ai.askel.confluence.adapter.confluence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads what Confluence says about a failure: its reason (v1, v2 or plain-text bodies) and Retry-After. */
final class ConfluenceResponses {
    static final String TRACE_ID = "atl-traceid";
    static final String RETRY_AFTER = "Retry-After";
    static final String NEAR_LIMIT = "X-RateLimit-NearLimit";
    private static final int MAX_REASON = 300;

    private ConfluenceResponses() {
    }

    /**
     * Confluence's reason: v2 {@code errors[0].title} (+ detail), v1 {@code message} (without the Java
     * exception class prefix), else the text body, shortened.
     */
    static String reason(ObjectMapper mapper, String body, int status) {
        if (body == null || body.isBlank()) {
            return "HTTP " + status + " with no body";
        }
        String text = body.strip();
        if (text.startsWith("{")) {
            try {
                JsonNode json = mapper.readTree(text);
                JsonNode errors = json.path("errors");
                if (errors.isArray() && !errors.isEmpty()) {
                    JsonNode first = errors.get(0);
                    String title = first.path("title").asText("");
                    String detail = first.path("detail").isTextual() ? first.path("detail").asText() : "";
                    String joined = detail.isBlank() ? title : title + ": " + detail;
                    if (!joined.isBlank()) {
                        return shorten(joined);
                    }
                }
                if (json.path("message").isTextual()) {
                    return shorten(json.path("message").asText().replaceFirst("^(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error):\\s*", ""));
                }
                if (json.path("reason").isTextual()) {
                    return shorten(json.path("reason").asText());
                }
            } catch (java.io.IOException e) {
                // not JSON after all: fall through to the text
            }
        }
        return shorten(text.replaceAll("\\s+", " "));
    }

    /** A {@code Retry-After} in seconds or as an HTTP date; absurd values are kept (the policy clamps them). */
    static Optional<Duration> retryAfter(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            } catch (NumberFormatException | ArithmeticException e) {
                return Optional.of(Duration.ofSeconds(Long.MAX_VALUE));
            }
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(clock.instant(), at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String shorten(String s) {
        String clean = s.replaceAll("[\\p{Cntrl}&&[^\n]]", " ").strip();
        return clean.length() <= MAX_REASON ? clean : clean.substring(0, MAX_REASON - 3) + "...";
    }
}
