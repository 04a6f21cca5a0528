package ai.askel.confluence.ports.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One input a template declares. For {@link InputType#TABLE}, {@code columns} names the fields
 * of its rows.
 *
 * <p>How the host checks a caller's value before the template renders: a required input must be
 * present, and a blank string or an empty list counts as absent; {@code STRING} is text without line
 * breaks; {@code TEXT} any text; {@code URL} an absolute http or https URL; {@code NUMBER} a number;
 * {@code BOOLEAN} true or false; {@code STRING_LIST} a list of text; {@code TABLE} a list of objects
 * whose fields are among {@code columns} and hold text (a row may leave a field out: the template
 * sees it as absent). An input the template does not declare is rejected too.
 */
public record TemplateInput(String name, InputType type, boolean required, String description, Optional<String> example,
                            List<String> columns) {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,63}");

    public TemplateInput {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("template input name must be an identifier: " + name);
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(example, "example");
        columns = List.copyOf(columns);
        if ((type == InputType.TABLE) == columns.isEmpty()) {
            throw new IllegalArgumentException("input " + name + ": a TABLE input, and only a TABLE input, names its columns");
        }
    }

    public static TemplateInput required(String name, InputType type, String description) {
        return new TemplateInput(name, type, true, description, Optional.empty(), List.of());
    }

    public static TemplateInput optional(String name, InputType type, String description) {
        return new TemplateInput(name, type, false, description, Optional.empty(), List.of());
    }

    public static TemplateInput table(String name, boolean required, String description, List<String> columns) {
        return new TemplateInput(name, InputType.TABLE, required, description, Optional.empty(), columns);
    }

    public TemplateInput withExample(String exampleValue) {
        return new TemplateInput(name, type, required, description, Optional.of(exampleValue), columns);
    }
}
