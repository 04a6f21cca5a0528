package ai.askel.confluence.domain;

import ai.askel.confluence.domain.error.InvalidInputException;
import java.util.Locale;

/** How a page body is written: Confluence storage format (XHTML) or wiki markup. */
public enum BodyRepresentation {
    STORAGE("storage"),
    WIKI("wiki");

    private final String wireName;

    BodyRepresentation(String wireName) {
        this.wireName = wireName;
    }

    /** The name Confluence uses in {@code body.representation}. */
    public String wireName() {
        return wireName;
    }

    public static BodyRepresentation fromWireName(String name) {
        if (name != null) {
            String lower = name.strip().toLowerCase(Locale.ROOT);
            for (BodyRepresentation r : values()) {
                if (r.wireName.equals(lower)) {
                    return r;
                }
            }
        }
        throw InvalidInputException.of("body.representation", "'%s' is not supported: use 'storage' or 'wiki'".formatted(name));
    }
}
