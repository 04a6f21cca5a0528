package ai.askel.confluence.ports.spi;

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
    TABLE
}
