package ai.askel.confluence.plugins.declarative;

import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.TemplateRef;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.storage.StatusColour;
import ai.askel.confluence.ports.spi.InputType;
import ai.askel.confluence.ports.spi.TemplateInput;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a descriptor (YAML, or JSON, which YAML reads too) into a {@link Descriptor}, recording
 * every problem at its line and column: a parse error, a missing or unknown key, a value of the
 * wrong kind, an invalid id, version, input, label or rule.
 */
final class DescriptorReader {
    private static final Set<String> TOP = Set.of("id", "version", "name", "description", "inputs", "labels", "title",
            "statusColours", "attachments", "body");
    private static final Set<String> INPUT = Set.of("name", "type", "required", "description", "example", "default", "columns",
            "maxLength", "pattern", "allowed", "min", "max", "maxItems");
    private static final Set<String> RESERVED = Set.of("page", "template", "this");
    private static final Map<String, InputType> TYPES = Map.of("string", InputType.STRING, "text", InputType.TEXT,
            "url", InputType.URL, "number", InputType.NUMBER, "boolean", InputType.BOOLEAN, "list", InputType.STRING_LIST,
            "string_list", InputType.STRING_LIST, "table", InputType.TABLE);
    /** The input types each rule means something for; on any other it would be silently ignored, so it is refused. */
    private static final Map<String, Set<InputType>> RULE_TYPES = new java.util.TreeMap<>(Map.of(
            "maxLength", Set.of(InputType.STRING, InputType.TEXT, InputType.URL),
            "pattern", Set.of(InputType.STRING, InputType.TEXT, InputType.URL),
            "allowed", Set.of(InputType.STRING, InputType.TEXT, InputType.URL),
            "min", Set.of(InputType.NUMBER),
            "max", Set.of(InputType.NUMBER),
            "maxItems", Set.of(InputType.STRING_LIST, InputType.TABLE)));
    private static final Map<String, String> RULE_TARGETS = Map.of("maxLength", "a string, text or url", "pattern",
            "a string, text or url", "allowed", "a string, text or url", "min", "a number", "max", "a number", "maxItems",
            "a list or table");
    private static final int MAX_BYTES = 256 * 1024;

    private final Problems problems;
    /** Inputs whose {@code required:} is neither true nor false: reported once, not again by what depends on it. */
    private final Set<String> undecided = new java.util.HashSet<>();

    DescriptorReader(Problems problems) {
        this.problems = problems;
    }

    /** The descriptor, or empty when it has problems (they are in {@code problems}). */
    Optional<Descriptor> read(String text) {
        if (text.length() > MAX_BYTES) {
            problems.add(Position.START, "the descriptor is larger than %d KiB".formatted(MAX_BYTES / 1024));
            return Optional.empty();
        }
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(10);
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            problems.add(at(mark), "not valid YAML: " + e.getProblem());
            return Optional.empty();
        } catch (YAMLException e) {
            problems.add(Position.START, "not valid YAML: " + e.getMessage());
            return Optional.empty();
        }
        if (!(root instanceof MappingNode top)) {
            problems.add(root == null ? Position.START : at(root), "the descriptor must be a mapping of id, version, inputs...");
            return Optional.empty();
        }
        Map<String, Node> fields = fields(top, TOP);
        String id = scalar(fields, "id", top, true);
        String version = scalar(fields, "version", top, true);
        if (id != null && version != null) {
            try {
                new TemplateRef(id, version);
            } catch (ConnectorException e) {
                problems.add(at(fields.get("id")), e.getMessage());
            }
        }
        Map<String, Descriptor.Rules> rules = new HashMap<>();
        Map<String, Object> defaults = new HashMap<>();
        List<TemplateInput> inputs = inputs(fields.get("inputs"), rules, defaults);
        Set<String> labels = labels(fields.get("labels"));
        Map<String, StatusColour> colours = colours(fields.get("statusColours"));
        List<String> attachments = attachments(fields.get("attachments"), inputs);
        Optional<String> title = Optional.ofNullable(scalar(fields, "title", top, false));
        title.ifPresent(pattern -> titlePattern(pattern, inputs, fields.get("title")));
        Optional<String> body = Optional.ofNullable(scalar(fields, "body", top, false));
        if (body.isPresent() && !body.get().matches("[A-Za-z0-9._-]+\\.(md|markdown|xml)")) {
            problems.add(at(fields.get("body")), "body must name a Markdown file (.md) or a storage-format file (.xml) beside the descriptor, not '%s'"
                    .formatted(body.get()));
        }
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Descriptor(id, version, Optional.ofNullable(scalar(fields, "name", top, false)).orElse(id),
                Optional.ofNullable(scalar(fields, "description", top, false)).orElse(""), inputs, rules, defaults, labels, title,
                colours, attachments, body));
    }

    private List<TemplateInput> inputs(Node node, Map<String, Descriptor.Rules> rules, Map<String, Object> defaults) {
        List<TemplateInput> inputs = new ArrayList<>();
        if (node == null) {
            return inputs;
        }
        if (!(node instanceof SequenceNode list)) {
            problems.add(at(node), "inputs must be a list of inputs, each with a name and a type");
            return inputs;
        }
        Set<String> names = new LinkedHashSet<>();
        for (Node item : list.getValue()) {
            if (!(item instanceof MappingNode mapping)) {
                problems.add(at(item), "an input must be a mapping with a name and a type");
                continue;
            }
            Map<String, Node> f = fields(mapping, INPUT);
            String name = scalar(f, "name", mapping, true);
            String typeName = scalar(f, "type", mapping, true);
            if (name == null || typeName == null) {
                continue;
            }
            InputType type = TYPES.get(typeName.toLowerCase(Locale.ROOT));
            if (type == null) {
                problems.add(at(f.get("type")), "'%s' is not an input type; use one of string, text, url, number, boolean, list, table"
                        .formatted(typeName));
                continue;
            }
            if (RESERVED.contains(name) || !names.add(name)) {
                problems.add(at(f.get("name")), RESERVED.contains(name) ? "'%s' is a reserved name".formatted(name)
                        : "the input '%s' is declared twice".formatted(name));
                continue;
            }
            Optional<Boolean> declared = required(f.get("required"));
            if (declared.isEmpty()) {
                undecided.add(name);
            }
            boolean required = declared.orElse(false);
            List<String> columns = f.containsKey("columns") ? strings(f.get("columns")) : List.of();
            if (type == InputType.TABLE && columns.isEmpty()) {
                problems.add(at(f.containsKey("columns") ? f.get("columns") : mapping), "a table input names its columns: columns: [name, email]");
                continue;
            }
            if (type != InputType.TABLE && f.containsKey("columns")) {
                problems.add(at(f.get("columns")), "columns applies to a table input, not a %s input".formatted(spelling(type)));
                columns = List.of();
            }
            Optional<String> example = f.containsKey("example") ? Optional.of(example(value(f.get("example")))) : Optional.empty();
            try {
                inputs.add(new TemplateInput(name, type, required, Optional.ofNullable(scalar(f, "description", mapping, false)).orElse(""),
                        example, columns));
            } catch (IllegalArgumentException e) {
                problems.add(at(mapping), e.getMessage());
                continue;
            }
            Descriptor.Rules inputRules = rules(f, type);
            rules.put(name, inputRules);
            if (f.containsKey("default")) {
                Node given = f.get("default");
                if (required) {
                    problems.add(at(given), "the input '%s' is required, so a default would never be used".formatted(name));
                }
                Object value = value(given);
                String shown = given instanceof ScalarNode scalar ? "the default '%s'".formatted(scalar.getValue()) : "the default";
                DeclarativeTemplate.problems(inputs.get(inputs.size() - 1), value, inputRules)
                        .forEach(problem -> problems.add(at(given), shown + " " + problem));
                defaults.put(name, value);
            }
        }
        return inputs;
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

    private Descriptor.Rules rules(Map<String, Node> f, InputType type) {
        RULE_TYPES.forEach((rule, types) -> {
            if (f.containsKey(rule) && !types.contains(type)) {
                problems.add(at(f.get(rule)), "%s applies to %s input, not a %s input".formatted(rule, RULE_TARGETS.get(rule), spelling(type)));
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
        return new Descriptor.Rules(integer(f.get("maxLength")), pattern, f.containsKey("allowed") ? strings(f.get("allowed")) : List.of(),
                number(f.get("min")), number(f.get("max")), integer(f.get("maxItems")));
    }

    private Set<String> labels(Node node) {
        Set<String> labels = new LinkedHashSet<>();
        if (node != null) {
            for (String label : strings(node)) {
                try {
                    labels.add(Label.of(label).name());
                } catch (ConnectorException e) {
                    problems.add(at(node), e.getMessage());
                }
            }
        }
        return labels;
    }

    private Map<String, StatusColour> colours(Node node) {
        Map<String, StatusColour> colours = new HashMap<>();
        if (node == null) {
            return colours;
        }
        if (!(node instanceof MappingNode mapping)) {
            problems.add(at(node), "statusColours maps a colour (green, blue, yellow, red, grey, purple) to a list of statuses");
            return colours;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String colourName = ((ScalarNode) tuple.getKeyNode()).getValue();
            StatusColour colour;
            try {
                colour = StatusColour.valueOf(colourName.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(at(tuple.getKeyNode()), "'%s' is not a status colour (green, blue, yellow, red, grey, purple)".formatted(colourName));
                continue;
            }
            strings(tuple.getValueNode()).forEach(status -> colours.put(Filters.statusKey(status), colour));
        }
        return colours;
    }

    private List<String> attachments(Node node, List<TemplateInput> inputs) {
        List<String> names = new ArrayList<>();
        if (node == null) {
            return names;
        }
        if (!(node instanceof SequenceNode list)) {
            problems.add(at(node), "attachments must be a list of {input: <name of a string input holding a file name>}");
            return names;
        }
        for (Node item : list.getValue()) {
            Map<String, Node> f = item instanceof MappingNode m ? fields(m, Set.of("input", "description")) : Map.of();
            String input = f.containsKey("input") ? ((ScalarNode) f.get("input")).getValue() : null;
            if (input == null || inputs.stream().noneMatch(i -> i.name().equals(input) && i.type() == InputType.STRING)) {
                problems.add(at(item), "an attachment names a string input that holds the file's name: input: <name>");
            } else {
                names.add(input);
            }
        }
        return names;
    }

    private void titlePattern(String pattern, List<TemplateInput> inputs, Node at) {
        java.util.regex.Matcher placeholder = Pattern.compile("\\{([^{}]*)}").matcher(pattern);
        while (placeholder.find()) {
            String name = placeholder.group(1).strip();
            if (!undecided.contains(name) && inputs.stream().noneMatch(i -> i.name().equals(name) && i.required())) {
                problems.add(at(at), "the title names {%s}, which is not a required input".formatted(name));
            }
        }
    }

    /** A type as descriptors spell it ({@code list}, {@code table}), not as the SPI names it. */
    static String spelling(InputType type) {
        return type == InputType.STRING_LIST ? "list" : type.name().toLowerCase(Locale.ROOT);
    }

    /** An example as callers write it: text as it is, anything else (a list, rows, a number) as JSON. */
    private static String example(Object value) {
        return value instanceof String text ? text : Json.of(value);
    }

    // ---- YAML nodes -----------------------------------------------------------------------------

    private Map<String, Node> fields(MappingNode mapping, Set<String> allowed) {
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                problems.add(at(tuple.getKeyNode()), "a key must be a name");
                continue;
            }
            if (!allowed.contains(key.getValue())) {
                problems.add(at(key), "'%s' is not a known key here; the keys are %s".formatted(key.getValue(), new java.util.TreeSet<>(allowed)));
                continue;
            }
            fields.put(key.getValue(), tuple.getValueNode());
        }
        return fields;
    }

    private String scalar(Map<String, Node> fields, String key, Node parent, boolean required) {
        Node node = fields.get(key);
        if (node == null) {
            if (required) {
                problems.add(at(parent), "'%s' is required".formatted(key));
            }
            return null;
        }
        if (!(node instanceof ScalarNode scalar)) {
            problems.add(at(node), "'%s' must be a single value".formatted(key));
            return null;
        }
        return scalar.getValue();
    }

    private List<String> strings(Node node) {
        if (!(node instanceof SequenceNode list) || !list.getValue().stream().allMatch(ScalarNode.class::isInstance)) {
            problems.add(at(node), "must be a list of values");
            return List.of();
        }
        return list.getValue().stream().map(n -> ((ScalarNode) n).getValue()).toList();
    }

    private Optional<Integer> integer(Node node) {
        return number(node).map(n -> {
            if (n.signum() < 0 || n.scale() > 0 && n.stripTrailingZeros().scale() > 0) {
                problems.add(at(node), "must be a whole number of at least 0");
                return 0;
            }
            return n.intValue();
        });
    }

    private Optional<BigDecimal> number(Node node) {
        if (node == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(((ScalarNode) node).getValue()));
        } catch (NumberFormatException | ClassCastException e) {
            problems.add(at(node), "must be a number");
            return Optional.empty();
        }
    }

    /** A YAML value as the JSON-like tree inputs hold (strings, numbers, booleans, lists, maps). */
    private Object value(Node node) {
        if (node instanceof ScalarNode scalar) {
            String tag = scalar.getTag().getValue();
            String text = scalar.getValue();
            if (tag.endsWith(":int") || tag.endsWith(":float")) {
                return new BigDecimal(text);
            }
            if (tag.endsWith(":bool")) {
                return Boolean.valueOf(text.toLowerCase(Locale.ROOT));
            }
            return text;
        }
        if (node instanceof SequenceNode list) {
            return list.getValue().stream().map(this::value).toList();
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (NodeTuple tuple : ((MappingNode) node).getValue()) {
            map.put(((ScalarNode) tuple.getKeyNode()).getValue(), value(tuple.getValueNode()));
        }
        return map;
    }

    private static Position at(Node node) {
        return at(node.getStartMark());
    }

    private static Position at(Mark mark) {
        return mark == null ? Position.START : new Position(mark.getLine() + 1, mark.getColumn() + 1);
    }
}
