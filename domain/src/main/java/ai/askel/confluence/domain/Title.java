package ai.askel.confluence.domain;

import ai.askel.confluence.domain.error.InvalidInputException;

/** A page title: trimmed, 1 to 255 characters, no control characters (Confluence's own limits). */
public record Title(String value) {
    public static final int MAX_LENGTH = 255;

    public Title {
        Require.present(value, "title");
        value = value.strip();
        Require.noControlCharacters(value, "title");
        int length = value.codePointCount(0, value.length());
        if (length > MAX_LENGTH) {
            throw InvalidInputException.of("title", "is %d characters long; Confluence allows at most %d".formatted(length, MAX_LENGTH));
        }
    }

    public static Title of(String value) {
        return new Title(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
