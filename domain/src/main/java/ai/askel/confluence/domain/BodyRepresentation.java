package ai.askel.confluence.domain;

import ai.askel.confluence.domain.error.InvalidInputException;
import java.util.Locale;

/**
 * How a page body is written: Confluence storage format (XHTML), wiki markup, or Markdown. Markdown
 * never reaches Confluence: the connector converts it to storage format locally before it sends the
 * page (see {@link #isConvertedLocally()}).
 */
public enum BodyRepresentation {
    STORAGE("storage"),
    WIKI("wiki"),
    /** CommonMark with GFM tables; converted to storage format by the connector. */
    MARKDOWN("markdown");

    private final String wireName;

    BodyRepresentation(String wireName) {
        this.wireName = wireName;
    }

    /** The name Confluence uses in {@code body.representation}. */
    public String wireName() {
        return wireName;
    }

    /** Whether the connector converts this representation itself instead of sending it to Confluence. */
    public boolean isConvertedLocally() {
        return this == MARKDOWN;
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
        throw InvalidInputException.of("body.representation", "'%s' is not supported: use 'storage', 'wiki' or 'markdown'".formatted(name));
    }
}
