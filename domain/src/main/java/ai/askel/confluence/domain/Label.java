package ai.askel.confluence.domain;

import ai.askel.confluence.domain.error.InvalidInputException;
import java.util.Locale;

/**
 * A page label, normalised as Confluence stores it: lower case, no whitespace, at most 255
 * characters, none of the characters Confluence refuses in labels. A {@code /} is allowed
 * (removal then needs the query-parameter form of the API, which the adapter always uses).
 */
public record Label(String name) implements Comparable<Label> {
    public static final int MAX_LENGTH = 255;
    /** Characters Confluence refuses in a label name. */
    public static final String FORBIDDEN = ":;,.!#&()*?<>@[]^\"'\\|{}=+%$`";
    /**
     * The most labels one write may set on a page: a publish (its template's default labels included), a page
     * creation, one label add. They are stored with the runbook and sent in one Confluence label request, so they
     * are bounded; Confluence documents no maximum of its own (it only answers "too many labels").
     */
    public static final int MAX_PER_REQUEST = 50;

    public Label {
        Require.present(name, "label");
        name = name.strip().toLowerCase(Locale.ROOT);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                throw InvalidInputException.of("label", "'%s' contains whitespace; a label is one word (use - or _ instead)"
                        .formatted(Require.shortDisplay(name)));
            }
            if (Character.isISOControl(c)) {
                throw InvalidInputException.of("label", "'%s' contains a control character".formatted(Require.shortDisplay(name)));
            }
            if (FORBIDDEN.indexOf(c) >= 0) {
                throw InvalidInputException.of("label", "'%s' contains '%c', which Confluence does not allow in labels"
                        .formatted(Require.shortDisplay(name), c));
            }
        }
        int length = name.codePointCount(0, name.length());
        if (length > MAX_LENGTH) {
            throw InvalidInputException.of("label", "is %d characters long; Confluence allows at most %d".formatted(length, MAX_LENGTH));
        }
    }

    public static Label of(String name) {
        return new Label(name);
    }

    /** Refuses {@code count} labels for one write when that is more than {@link #MAX_PER_REQUEST}, naming the field {@code labels}. */
    public static void checkCount(int count) {
        if (count > MAX_PER_REQUEST) {
            throw InvalidInputException.of("labels", "at most %d labels, got %d".formatted(MAX_PER_REQUEST, count));
        }
    }

    @Override
    public int compareTo(Label other) {
        return name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
