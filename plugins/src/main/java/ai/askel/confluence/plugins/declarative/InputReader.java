package ai.askel.confluence.plugins.declarative;

import static ai.askel.confluence.plugins.declarative.YamlNodes.at;
import static ai.askel.confluence.plugins.declarative.YamlNodes.value;

import ai.askel.confluence.ports.spi.InputType;
import ai.askel.confluence.ports.spi.TemplateInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a descriptor's {@code inputs:} list: each input's name and type, whether it is required,
 * a table's columns, the rules its type allows (maxLength, pattern, allowed, min, max, maxItems)
 * and its default, checked against those rules. Every problem is recorded at its line and column.
 */
final class InputReader {
    private static final Set<String> INPUT = Set.of("name", "type", "required", "description", "example", "default", "columns",
            "maxLength", "pattern", "allowed", "min", "max", "maxItems");
    private static final Set<String> RESERVED = Set.of("page", "template", "this");
    private static final Map<String, InputType> TYPES = Map.of("string", InputType.STRING, "text", InputType.TEXT,
            "url", InputType.URL, "number", InputType.NUMBER, "boolean", InputType.BOOLEAN, "list", InputType.STRING_LIST,
            "string_list", InputType.STRING_LIST, "table", InputType.TABLE);
    /** The input types each rule means something for; on any other it would be silently ignored, so it is refused. */
    private static final Map<String, Set<InputType>> RULE_TYPES = new TreeMap<>(Map.of(
            "maxLength", Set.of(InputType.STRING, InputType.TEXT, InputType.URL),
            "pattern", Set.of(InputType.STRING, InputType.TEXT, InputType.URL),
            "allowed", Set.of(InputType.STRING, InputType.TEXT, InputType.URL),
            "min", Set.of(InputType.NUMBER),
            "max", Set.of(InputType.NUMBER),
            "maxItems", Set.of(InputType.STRING_LIST, InputType.TABLE)));
    private static final Map<String, String> RULE_TARGETS = Map.of("maxLength", "a string, text or url", "pattern",
            "a string, text or url", "allowed", "a string, text or url", "min", "a number", "max", "a number", "maxItems",
            "a list or table");

    /**
     * The inputs read, in their order, with each one's rules and default (by name); {@code undecided} names the inputs whose
     * {@code required:} is neither true nor false: reported once, not again by what depends on it.
     */
    record Inputs(List<TemplateInput> inputs, Map<String, Descriptor.Rules> rules, Map<String, Object> defaults,
                  Set<String> undecided) {
    }

    private final Problems problems;
    private final YamlNodes nodes;

    InputReader(Problems problems, YamlNodes nodes) {
        this.problems = problems;
        this.nodes = nodes;
    }

    /** The inputs under {@code node} ({@code inputs:}, absent when null); those with problems are left out. */
    Inputs read(Node node) {
        Inputs read = new Inputs(new ArrayList<>(), new HashMap<>(), new HashMap<>(), new HashSet<>());
        if (node == null) {
            return read;
        }
        if (!(node instanceof SequenceNode list)) {
            problems.add(at(node), "inputs must be a list of inputs, each with a name and a type");
            return read;
        }
        Set<String> names = new LinkedHashSet<>();
        for (Node item : list.getValue()) {
            if (!(item instanceof MappingNode mapping)) {
                problems.add(at(item), "an input must be a mapping with a name and a type");
                continue;
            }
            input(mapping, names, read);
        }
        return read;
    }

    /** Reads one input into {@code read}, unless it has a problem that leaves it unusable. */
    private void input(MappingNode mapping, Set<String> names, Inputs read) {
        Map<String, Node> f = nodes.fields(mapping, INPUT);
        String name = nodes.scalar(f, "name", mapping, true);
        String typeName = nodes.scalar(f, "type", mapping, true);
        if (name == null || typeName == null) {
            return;
        }
        InputType type = TYPES.get(typeName.toLowerCase(Locale.ROOT));
        if (type == null) {
            problems.add(at(f.get("type")), "'%s' is not an input type; use one of string, text, url, number, boolean, list, table"
                    .formatted(typeName));
            return;
        }
        if (RESERVED.contains(name) || !names.add(name)) {
            problems.add(at(f.get("name")), RESERVED.contains(name) ? "'%s' is a reserved name".formatted(name)
                    : "the input '%s' is declared twice".formatted(name));
            return;
        }
        Optional<Boolean> declared = required(f.get("required"));
        if (declared.isEmpty()) {
            read.undecided().add(name);
        }
        boolean required = declared.orElse(false);
        List<String> columns = f.containsKey("columns") ? nodes.strings(f.get("columns")) : List.of();
        if (type == InputType.TABLE && columns.isEmpty()) {
            problems.add(at(f.containsKey("columns") ? f.get("columns") : mapping), "a table input names its columns: columns: [name, email]");
            return;
        }
        if (type != InputType.TABLE && f.containsKey("columns")) {
            problems.add(at(f.get("columns")), "columns applies to a table input, not a %s input".formatted(type.descriptorName()));
            columns = List.of();
        }
        Optional<String> example = f.containsKey("example") ? Optional.of(example(value(f.get("example")))) : Optional.empty();
        TemplateInput input;
        try {
            input = new TemplateInput(name, type, required, Optional.ofNullable(nodes.scalar(f, "description", mapping, false)).orElse(""),
                    example, columns);
        } catch (IllegalArgumentException e) {
            problems.add(at(mapping), e.getMessage());
            return;
        }
        read.inputs().add(input);
        Descriptor.Rules rules = rules(f, type);
        read.rules().put(name, rules);
        if (f.containsKey("default")) {
            read.defaults().put(name, defaultValue(input, f.get("default"), rules));
        }
    }

    /**
     * {@code required:} is written {@code true} or {@code false} (absent: false); anything else is a mistake, not
     * "optional", and is reported (empty).
     */
    private Optional<Boolean> required(Node node) {
        if (node == null) {
            return Optional.of(false);
        }
        if (node instanceof ScalarNode scalar && (scalar.getValue().equals("true") || scalar.getValue().equals("false"))) {
            return Optional.of(scalar.getValue().equals("true"));
        }
        problems.add(at(node), "required must be true or false");
        return Optional.empty();
    }

    /** The rules {@code f} declares; a rule that does not apply to the input's type is reported. */
    private Descriptor.Rules rules(Map<String, Node> f, InputType type) {
        RULE_TYPES.forEach((rule, types) -> {
            if (f.containsKey(rule) && !types.contains(type)) {
                problems.add(at(f.get(rule)), "%s applies to %s input, not a %s input".formatted(rule, RULE_TARGETS.get(rule),
                        type.descriptorName()));
            }
        });
        Optional<Pattern> pattern = Optional.empty();
        if (f.get("pattern") instanceof ScalarNode regex) {
            try {
                pattern = Optional.of(Pattern.compile(regex.getValue()));
            } catch (PatternSyntaxException e) {
                problems.add(at(regex), "pattern is not a regular expression: %s near index %d".formatted(e.getDescription(), e.getIndex()));
            }
        } else if (f.containsKey("pattern")) {
            problems.add(at(f.get("pattern")), "'pattern' must be a single value");
        }
        return new Descriptor.Rules(nodes.integer(f.get("maxLength")), pattern,
                f.containsKey("allowed") ? nodes.strings(f.get("allowed")) : List.of(), nodes.number(f.get("min")),
                nodes.number(f.get("max")), nodes.integer(f.get("maxItems")));
    }

    /** The {@code default:} given, checked as a value of the input would be: against its type and its rules. */
    private Object defaultValue(TemplateInput input, Node given, Descriptor.Rules rules) {
        if (input.required()) {
            problems.add(at(given), "the input '%s' is required, so a default would never be used".formatted(input.name()));
        }
        Object value = value(given);
        String shown = given instanceof ScalarNode scalar ? "the default '%s'".formatted(scalar.getValue()) : "the default";
        DeclarativeTemplate.problems(input, value, rules).forEach(problem -> problems.add(at(given), shown + " " + problem));
        return value;
    }

    /** An example as callers write it: text as it is, anything else (a list, rows, a number) as JSON. */
    private static String example(Object value) {
        return value instanceof String text ? text : Json.of(value);
    }
}
