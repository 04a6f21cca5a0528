package ai.askel.confluence.plugins.declarative;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The values a descriptor is made of, read from its YAML nodes: the keys of a mapping, a single
 * value, a list of values, a number. A node of the wrong kind is recorded in {@code problems} at its
 * line and column, and read as nothing (null, empty).
 */
final class YamlNodes {
    private final Problems problems;

    YamlNodes(Problems problems) {
        this.problems = problems;
    }

    /** The mapping's values by key; a key that is not a name, or not one of {@code allowed}, is a problem. */
    Map<String, Node> fields(MappingNode mapping, Set<String> allowed) {
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                problems.add(at(tuple.getKeyNode()), "a key must be a name");
                continue;
            }
            if (!allowed.contains(key.getValue())) {
                problems.add(at(key), "'%s' is not a known key here; the keys are %s".formatted(key.getValue(), new TreeSet<>(allowed)));
                continue;
            }
            fields.put(key.getValue(), tuple.getValueNode());
        }
        return fields;
    }

    /** The single value under {@code key}, or null when it is absent (a problem if it is required) or not a single value. */
    String scalar(Map<String, Node> fields, String key, Node parent, boolean required) {
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

    List<String> strings(Node node) {
        if (!(node instanceof SequenceNode list) || !list.getValue().stream().allMatch(ScalarNode.class::isInstance)) {
            problems.add(at(node), "must be a list of values");
            return List.of();
        }
        return list.getValue().stream().map(n -> ((ScalarNode) n).getValue()).toList();
    }

    Optional<Integer> integer(Node node) {
        return number(node).map(n -> {
            if (n.signum() < 0 || n.scale() > 0 && n.stripTrailingZeros().scale() > 0) {
                problems.add(at(node), "must be a whole number of at least 0");
                return 0;
            }
            return n.intValue();
        });
    }

    Optional<BigDecimal> number(Node node) {
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
    static Object value(Node node) {
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
            return list.getValue().stream().map(YamlNodes::value).toList();
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (NodeTuple tuple : ((MappingNode) node).getValue()) {
            map.put(((ScalarNode) tuple.getKeyNode()).getValue(), value(tuple.getValueNode()));
        }
        return map;
    }

    static Position at(Node node) {
        return at(node.getStartMark());
    }

    static Position at(Mark mark) {
        return mark == null ? Position.START : new Position(mark.getLine() + 1, mark.getColumn() + 1);
    }
}
