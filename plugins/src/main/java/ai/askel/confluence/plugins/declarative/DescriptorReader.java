package ai.askel.confluence.plugins.declarative;

import static ai.askel.confluence.plugins.declarative.YamlNodes.at;

import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.TemplateRef;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.storage.StatusColour;
import ai.askel.confluence.ports.spi.InputType;
import ai.askel.confluence.ports.spi.TemplateInput;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
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
 * wrong kind, an invalid id, version, input, label or rule. The {@code inputs:} list is read by
 * {@link InputReader}; the YAML values by {@link YamlNodes}.
 */
final class DescriptorReader {
    private static final Set<String> TOP = Set.of("id", "version", "name", "description", "inputs", "labels", "title",
            "statusColours", "attachments", "body");
    private static final int MAX_BYTES = 256 * 1024;

    private final Problems problems;
    private final YamlNodes nodes;

    DescriptorReader(Problems problems) {
        this.problems = problems;
        this.nodes = new YamlNodes(problems);
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
        Map<String, Node> fields = nodes.fields(top, TOP);
        String id = nodes.scalar(fields, "id", top, true);
        String version = nodes.scalar(fields, "version", top, true);
        if (id != null && version != null) {
            try {
                new TemplateRef(id, version);
            } catch (ConnectorException e) {
                problems.add(at(fields.get("id")), e.getMessage());
            }
        }
        InputReader.Inputs declared = new InputReader(problems, nodes).read(fields.get("inputs"));
        List<TemplateInput> inputs = declared.inputs();
        Set<String> labels = labels(fields.get("labels"));
        Map<String, StatusColour> colours = colours(fields.get("statusColours"));
        List<String> attachments = attachments(fields.get("attachments"), inputs);
        Optional<String> title = Optional.ofNullable(nodes.scalar(fields, "title", top, false));
        title.ifPresent(pattern -> titlePattern(pattern, declared, fields.get("title")));
        Optional<String> body = Optional.ofNullable(nodes.scalar(fields, "body", top, false));
        if (body.isPresent() && !body.get().matches("[A-Za-z0-9._-]+\\.(md|markdown|xml)")) {
            problems.add(at(fields.get("body")), "body must name a Markdown file (.md) or a storage-format file (.xml) beside the descriptor, not '%s'"
                    .formatted(body.get()));
        }
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Descriptor(id, version, Optional.ofNullable(nodes.scalar(fields, "name", top, false)).orElse(id),
                Optional.ofNullable(nodes.scalar(fields, "description", top, false)).orElse(""), inputs, declared.rules(),
                declared.defaults(), labels, title, colours, attachments, body));
    }

    private Set<String> labels(Node node) {
        Set<String> labels = new LinkedHashSet<>();
        if (node != null) {
            for (String label : nodes.strings(node)) {
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
            nodes.strings(tuple.getValueNode()).forEach(status -> colours.put(Filters.statusKey(status), colour));
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
            Map<String, Node> f = item instanceof MappingNode m ? nodes.fields(m, Set.of("input", "description")) : Map.of();
            String input = f.containsKey("input") ? ((ScalarNode) f.get("input")).getValue() : null;
            if (input == null || inputs.stream().noneMatch(i -> i.name().equals(input) && i.type() == InputType.STRING)) {
                problems.add(at(item), "an attachment names a string input that holds the file's name: input: <name>");
            } else {
                names.add(input);
            }
        }
        return names;
    }

    /** Each {placeholder} of the title must name a required input (one whose required: was already reported is let be). */
    private void titlePattern(String pattern, InputReader.Inputs declared, Node at) {
        java.util.regex.Matcher placeholder = Pattern.compile("\\{([^{}]*)}").matcher(pattern);
        while (placeholder.find()) {
            String name = placeholder.group(1).strip();
            if (!declared.undecided().contains(name) && declared.inputs().stream().noneMatch(i -> i.name().equals(name) && i.required())) {
                problems.add(at(at), "the title names {%s}, which is not a required input".formatted(name));
            }
        }
    }
}
