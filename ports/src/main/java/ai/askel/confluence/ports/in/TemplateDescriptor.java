package ai.askel.confluence.ports.in;

import ai.askel.confluence.ports.spi.InputType;
import ai.askel.confluence.ports.spi.TemplateInput;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** A loaded template as callers see it. */
public record TemplateDescriptor(String id, String version, String name, String description, List<TemplateInput> inputs,
                                 Set<String> defaultLabels) {
    public TemplateDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        inputs = List.copyOf(inputs);
        defaultLabels = Set.copyOf(defaultLabels);
    }

    /**
     * An input's type as the HTTP API and the CLI's JSON spell it: {@code string}, {@code string_list}, {@code table}
     * (a template descriptor spells it {@link InputType#descriptorName()}).
     */
    public static String wireType(InputType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }
}
