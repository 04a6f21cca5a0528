package ai.askel.confluence.domain;

import ai.askel.confluence.domain.error.InvalidInputException;
import java.util.regex.Pattern;

/** Confluence content ids are positive 64-bit numbers, carried as strings. */
final class Numeric {
    private static final Pattern DIGITS = Pattern.compile("[1-9][0-9]{0,18}");

    private Numeric() {
    }

    static String id(String value, String field) {
        Require.present(value, field);
        if (!DIGITS.matcher(value).matches()) {
            throw InvalidInputException.of(field,
                    "'%s' is not a Confluence id: it must be a positive number".formatted(Require.shortDisplay(value)));
        }
        try {
            Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(field, "'%s' is too large for a Confluence id".formatted(value));
        }
        return value;
    }
}
