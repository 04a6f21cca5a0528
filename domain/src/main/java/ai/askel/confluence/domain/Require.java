package ai.askel.confluence.domain;

import ai.askel.confluence.domain.error.InvalidInputException;

/** Small input checks shared by the value objects; each failure names the field. */
final class Require {
    private Require() {
    }

    static String present(String value, String field) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.of(field, "is required");
        }
        return value;
    }

    static String noControlCharacters(String value, String field) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw InvalidInputException.of(field,
                        "must not contain control characters (found U+%04X at position %d)".formatted((int) c, i + 1));
            }
        }
        return value;
    }

    static String shortDisplay(String value) {
        String clean = value.codePoints()
                .map(cp -> Character.isISOControl(cp) ? '?' : cp)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return clean.length() <= 40 ? clean : clean.substring(0, 37) + "...";
    }
}
