package ai.askel.confluence.ports.spi;

import java.util.Locale;

/** The kinds of value a template input takes (JSON shapes). */
public enum InputType {
    /** One line of text. */
    STRING,
    /** Free text, several lines. */
    TEXT,
    /** An http or https URL. */
    URL,
    /** A number. */
    NUMBER,
    /** true or false. */
    BOOLEAN,
    /** A list of strings. */
    STRING_LIST,
    /** A list of rows, each an object of string fields (for example contacts: name, role, contact, hours). */
    TABLE;

    /** This type as a template descriptor spells it: {@code string}, {@code list}, {@code table}. */
    public String descriptorName() {
        return this == STRING_LIST ? "list" : name().toLowerCase(Locale.ROOT);
    }
}
