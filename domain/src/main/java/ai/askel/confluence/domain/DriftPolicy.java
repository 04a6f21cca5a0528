package ai.askel.confluence.domain;

import ai.askel.confluence.domain.error.InvalidInputException;
import java.util.Locale;

/** What a publish does when the managed page was changed in Confluence since it was last published. */
public enum DriftPolicy {
    /** Overwrite nothing; report the drift as an error (the default). */
    FAIL,
    /** Publish anyway, and record that a hand edit was overwritten. */
    OVERWRITE,
    /** Leave the page alone and report that it was skipped. */
    SKIP;

    public static DriftPolicy parse(String value) {
        if (value == null || value.isBlank()) {
            return FAIL;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("onDrift", "'%s' is not a drift policy: use fail, overwrite or skip".formatted(value));
        }
    }
}
