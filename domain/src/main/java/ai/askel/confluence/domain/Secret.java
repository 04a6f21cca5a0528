package ai.askel.confluence.domain;

import ai.askel.confluence.domain.error.InvalidInputException;

/**
 * A secret (an API token, an API key). It never prints itself: {@link #toString()} is redacted,
 * so a secret that slips into a log line, an exception or a response shows as {@code ****}.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** An API token (of a Confluence account, or of the connector's HTTP API). */
    public static Secret token(String value) {
        return of(value, "apiToken");
    }

    /** A secret given for {@code field}; an invalid value is reported under that name (never with the value). */
    public static Secret of(String value, String field) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.of(field, "is required");
        }
        if (value.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw InvalidInputException.of(field, "must not contain whitespace or control characters");
        }
        return new Secret(value);
    }

    /** The plain value, for the one place that must send or encrypt it. */
    public String reveal() {
        return value;
    }

    /** Compares in time independent of where the values differ. */
    public boolean matches(Secret other) {
        return java.security.MessageDigest.isEqual(
                value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                other.value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && matches(other);
    }

    @Override
    public int hashCode() {
        return 0; // deliberately constant: a hash would leak information about the value
    }

    @Override
    public String toString() {
        return "****";
    }
}
