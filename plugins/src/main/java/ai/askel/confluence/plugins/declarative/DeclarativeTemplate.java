package ai.askel.confluence.plugins.declarative;

import ai.askel.confluence.domain.TableRow;
import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.ports.spi.ContentTemplateProvider;
import ai.askel.confluence.ports.spi.InputType;
import ai.askel.confluence.ports.spi.RenderContext;
import ai.askel.confluence.ports.spi.TemplateInput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A template written as a descriptor and a body (Markdown or storage format), no Java. It is a
 * {@link ContentTemplateProvider} like any other: the host validates the caller's inputs against
 * {@link #inputs()}, then this applies the descriptor's defaults and rules and renders the parsed
 * body, every value escaped for the place it stands in.
 */
public final class DeclarativeTemplate implements ContentTemplateProvider {
    private final Descriptor descriptor;
    private final TemplateBody body;
    private final String source;
    private final String digest;
    private final Map<String, List<String>> tableColumns = new HashMap<>();

    DeclarativeTemplate(Descriptor descriptor, TemplateBody body, String source, String digest) {
        this.descriptor = descriptor;
        this.body = body;
        this.source = source;
        this.digest = digest;
        descriptor.inputs().forEach(input -> tableColumns.put(input.name(), input.columns()));
    }

    /** Where the template was read from (its folder, archive, or class-path resource). */
    public String source() {
        return source;
    }

    /** A digest of the descriptor and body text: equal digests, equal templates. */
    public String digest() {
        return digest;
    }

    /** The inputs whose values name files attached to the page (diagrams, screenshots). */
    public List<String> attachmentInputs() {
        return descriptor.attachmentInputs();
    }

    @Override
    public String id() {
        return descriptor.id();
    }

    @Override
    public String version() {
        return descriptor.version();
    }

    @Override
    public String displayName() {
        return descriptor.name();
    }

    @Override
    public String description() {
        return descriptor.description();
    }

    @Override
    public List<TemplateInput> inputs() {
        return descriptor.inputs();
    }

    @Override
    public Set<String> defaultLabels() {
        return descriptor.labels();
    }

    @Override
    public Optional<String> titlePattern() {
        return descriptor.titlePattern();
    }

    @Override
    public String render(TemplateInputs inputs, RenderContext context) {
        Map<String, Object> root = new HashMap<>();
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        for (TemplateInput input : descriptor.inputs()) {
            Object value = value(input, inputs);
            if (value == null && descriptor.defaults().containsKey(input.name())) {
                value = defaultValue(input);
            }
            if (value != null) {
                Rules.check(input.name(), value, descriptor.rules().getOrDefault(input.name(), Descriptor.Rules.NONE), problems);
                root.put(input.name(), value);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        root.put("page", Map.of("title", context.pageTitle().value(), "space", context.space().value()));
        root.put("template", Map.of("id", id(), "version", version(), "name", displayName()));
        Scope scope = new Scope(root, new HashSet<>(context.attachmentFileNames()), descriptor.statusColours(), tableColumns);
        return body.render(scope);
    }

    /**
     * What is wrong with {@code raw} as a value of {@code input}, its shape and then its rules, each as a message
     * without the field's name. The descriptor's defaults are checked with it when the template loads: no caller
     * sends them, so no caller must be blamed for them at render time.
     */
    static List<String> problems(TemplateInput input, Object raw, Descriptor.Rules rules) {
        List<String> found = new ArrayList<>();
        Object value;
        try {
            value = value(input, new TemplateInputs(Map.of(input.name(), raw)));
        } catch (InvalidInputException e) {
            e.problems().forEach(problem -> found.add(problem.message()));
            return found;
        }
        if (value instanceof String text && input.type() == InputType.STRING && (text.contains("\n") || text.contains("\r"))) {
            found.add("must be one line of text");
        }
        if (value instanceof String text && input.type() == InputType.URL && !Filters.isWebUrl(text)) {
            found.add("is not an http or https URL");
        }
        if (input.type() == InputType.TABLE && value instanceof List<?> rows) {
            rows.stream().flatMap(row -> ((TableRow) row).cells().keySet().stream()).distinct().sorted()
                    .filter(column -> !input.columns().contains(column))
                    .forEach(column -> found.add("names %s, which is not a column of %s; its columns are %s"
                            .formatted(column, input.name(), String.join(", ", input.columns()))));
        }
        if (value != null) {
            List<InvalidInputException.Problem> broken = new ArrayList<>();
            Rules.check(input.name(), value, rules, broken);
            broken.forEach(problem -> found.add(problem.message()));
        }
        return found;
    }

    private static Object value(TemplateInput input, TemplateInputs inputs) {
        String name = input.name();
        return switch (input.type()) {
            case STRING, TEXT, URL -> inputs.string(name).orElse(null);
            case NUMBER -> inputs.number(name).orElse(null);
            case BOOLEAN -> inputs.bool(name).orElse(null);
            case STRING_LIST -> nullIfEmpty(inputs.list(name));
            case TABLE -> nullIfEmpty(inputs.table(name));
        };
    }

    /** An input's declared default; one of the wrong type is the template's error, not the caller's (who sent nothing). */
    private Object defaultValue(TemplateInput input) {
        try {
            return value(input, new TemplateInputs(Map.of(input.name(), descriptor.defaults().get(input.name()))));
        } catch (InvalidInputException e) {
            throw new ConnectorException(ErrorCode.TEMPLATE_ERROR, "template %s: the default of input '%s' %s"
                    .formatted(id(), input.name(), e.problems().get(0).message()), null, e);
        }
    }

    private static Object nullIfEmpty(List<?> list) {
        return list.isEmpty() ? null : list;
    }

    @Override
    public String toString() {
        return id() + "@" + version() + " (" + source + ")";
    }

    /** The descriptor's rules on a value: length, pattern, allowed values, range, number of items. */
    private static final class Rules {
        private Rules() {
        }

        static void check(String name, Object value, Descriptor.Rules rules, List<InvalidInputException.Problem> problems) {
            String field = "inputs." + name;
            if (value instanceof String text) {
                rules.maxLength().filter(max -> text.length() > max).ifPresent(max ->
                        problems.add(new InvalidInputException.Problem(field, "is longer than %d characters".formatted(max))));
                rules.pattern().filter(p -> !p.matcher(text).matches()).ifPresent(p ->
                        problems.add(new InvalidInputException.Problem(field, "does not match the pattern " + p.pattern())));
                if (!rules.allowed().isEmpty() && !rules.allowed().contains(text)) {
                    problems.add(new InvalidInputException.Problem(field, "must be one of " + String.join(", ", rules.allowed())));
                }
            }
            if (value instanceof BigDecimal number) {
                rules.min().filter(min -> number.compareTo(min) < 0).ifPresent(min ->
                        problems.add(new InvalidInputException.Problem(field, "must be at least " + min.toPlainString())));
                rules.max().filter(max -> number.compareTo(max) > 0).ifPresent(max ->
                        problems.add(new InvalidInputException.Problem(field, "must be at most " + max.toPlainString())));
            }
            if (value instanceof List<?> list) {
                rules.maxItems().filter(max -> list.size() > max).ifPresent(max ->
                        problems.add(new InvalidInputException.Problem(field, "has more than %d items".formatted(max))));
            }
        }
    }
}
