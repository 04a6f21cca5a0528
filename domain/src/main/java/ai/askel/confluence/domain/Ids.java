package ai.askel.confluence.domain;

import ai.askel.confluence.domain.error.InvalidInputException;
import java.util.UUID;

/** The connector's own ids are random UUIDs in canonical lower-case form. */
final class Ids {
    private Ids() {
    }

    static String uuid(String value, String field) {
        Require.present(value, field);
        try {
            UUID parsed = UUID.fromString(value);
            String canonical = parsed.toString();
            if (!canonical.equalsIgnoreCase(value)) {
                throw new IllegalArgumentException("not canonical");
            }
            return canonical;
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, "'%s' is not a valid id".formatted(Require.shortDisplay(value)));
        }
    }

    static String random() {
        return UUID.randomUUID().toString();
    }
}
