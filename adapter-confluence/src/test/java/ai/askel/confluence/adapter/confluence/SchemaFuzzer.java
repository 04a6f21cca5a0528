package ai.askel.confluence.adapter.confluence;

import ai.askel.confluence.spec.ConfluenceSpecs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Makes random JSON answers that Atlassian's OpenAPI document allows for an operation: nullable
 * values null, optional fields missing, odd strings (empty, "string", unicode, links relative,
 * absolute, to elsewhere, or not links at all), huge and negative numbers, empty and longer arrays.
 * It follows the schema (types, enums, required fields, minimum/maximum, date-time formats), so what
 * it makes is a legal answer; it is deliberately not a plausible one.
 */
final class SchemaFuzzer {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 7;

    private final OpenAPI api;
    private final Random random;
    private final List<String> links;

    SchemaFuzzer(OpenAPI api, long seed, List<String> links) {
        this.api = api;
        this.random = new Random(seed);
        this.links = links;
    }

    static OpenAPI load(ConfluenceSpecs spec) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        OpenAPI api = new OpenAPIV3Parser().readContents(spec.text(), null, options).getOpenAPI();
        if (api == null) {
            throw new IllegalStateException("could not read " + spec.fileName());
        }
        return api;
    }

    /** A random 200 answer of {@code method path} (the path as the document writes it). */
    JsonNode answer(String method, String path) {
        PathItem item = api.getPaths().get(path);
        if (item == null) {
            throw new IllegalArgumentException("no path " + path + " in the document");
        }
        Operation operation = item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method));
        Schema<?> schema = operation.getResponses().get("200").getContent().get("application/json").getSchema();
        return value(schema, 0);
    }

    private JsonNode value(Schema<?> schema, int depth) {
        if (schema == null) {
            return JSON.textNode(string(null));
        }
        if (Boolean.TRUE.equals(schema.getNullable()) && random.nextInt(6) == 0) {
            return JSON.nullNode();
        }
        if (schema instanceof ComposedSchema composed) {
            if (composed.getAllOf() != null && !composed.getAllOf().isEmpty()) {
                ObjectNode merged = JSON.objectNode();
                for (Schema<?> part : composed.getAllOf()) {
                    JsonNode v = value(part, depth);
                    if (v instanceof ObjectNode o) {
                        merged.setAll(o);
                    }
                }
                return merged;
            }
            List<Schema> choices = composed.getOneOf() != null && !composed.getOneOf().isEmpty() ? composed.getOneOf() : composed.getAnyOf();
            if (choices != null && !choices.isEmpty()) {
                return value(choices.get(random.nextInt(choices.size())), depth);
            }
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            Object choice = schema.getEnum().get(random.nextInt(schema.getEnum().size()));
            return choice == null ? JSON.nullNode() : choice instanceof Number n ? JSON.numberNode(new BigDecimal(n.toString()))
                    : JSON.textNode(choice.toString());
        }
        String type = schema.getType();
        if (type == null && schema.getProperties() != null) {
            type = "object";
        }
        if (type == null && schema instanceof ArraySchema) {
            type = "array";
        }
        if (type == null) {
            return JSON.textNode(string(null));
        }
        return switch (type) {
            case "object" -> object(schema, depth);
            case "array" -> array(schema, depth);
            case "integer" -> JSON.numberNode(integer(schema));
            case "number" -> JSON.numberNode(number(schema));
            case "boolean" -> JSON.booleanNode(random.nextBoolean());
            default -> JSON.textNode(string(schema));
        };
    }

    private JsonNode object(Schema<?> schema, int depth) {
        ObjectNode out = JSON.objectNode();
        Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : new LinkedHashMap<>(schema.getProperties());
        Set<String> required = schema.getRequired() == null ? Set.of() : Set.copyOf(schema.getRequired());
        for (Map.Entry<String, Schema> p : properties.entrySet()) {
            boolean include = required.contains(p.getKey()) || depth < MAX_DEPTH && random.nextInt(10) < 7;
            if (include) {
                out.set(p.getKey(), depth >= MAX_DEPTH ? JSON.nullNode() : value(p.getValue(), depth + 1));
            }
        }
        return out;
    }

    private JsonNode array(Schema<?> schema, int depth) {
        ArrayNode out = JSON.arrayNode();
        Schema<?> items = schema.getItems();
        int min = schema.getMinItems() == null ? 0 : schema.getMinItems();
        int n = depth >= MAX_DEPTH ? min : min + random.nextInt(4);
        if (schema.getMaxItems() != null) {
            n = Math.min(n, schema.getMaxItems());
        }
        for (int i = 0; i < n; i++) {
            out.add(value(items, depth + 1));
        }
        return out;
    }

    private long integer(Schema<?> schema) {
        long min = schema.getMinimum() == null ? Long.MIN_VALUE : schema.getMinimum().longValue();
        long max = schema.getMaximum() == null ? Long.MAX_VALUE : schema.getMaximum().longValue();
        boolean int32 = "int32".equals(schema.getFormat());
        long[] odd = int32 ? new long[] {0, 1, -1, 7, Integer.MIN_VALUE, Integer.MAX_VALUE}
                : new long[] {0, 1, -1, 7, Integer.MIN_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 53};
        for (int tries = 0; tries < 10; tries++) {
            long v = odd[random.nextInt(odd.length)];
            if (v >= min && v <= max) {
                return v;
            }
        }
        return Math.max(min, Math.min(max, 1));
    }

    private double number(Schema<?> schema) {
        double[] odd = {0, -1, 1.5, 1e300, -1e300, Double.MIN_VALUE};
        double v = odd[random.nextInt(odd.length)];
        if (schema.getMinimum() != null && v < schema.getMinimum().doubleValue()) {
            return schema.getMinimum().doubleValue();
        }
        if (schema.getMaximum() != null && v > schema.getMaximum().doubleValue()) {
            return schema.getMaximum().doubleValue();
        }
        return v;
    }

    private String string(Schema<?> schema) {
        String format = schema == null ? null : schema.getFormat();
        if ("date-time".equals(format)) {
            String[] times = {"2023-12-12T07:25:30.563Z", "1970-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z", "2024-02-29T12:00:00+14:00"};
            return times[random.nextInt(times.length)];
        }
        if ("date".equals(format)) {
            return "2024-02-29";
        }
        List<String> odd = new ArrayList<>(List.of("", "string", "42", "-1", "ünïcödé ✓ 漢字", "a b%20c", "../../etc/passwd",
                "<script>alert(1)</script>", "x".repeat(1000), "null", " padded ", "line\nbreak"));
        odd.addAll(links);
        String v = odd.get(random.nextInt(odd.size()));
        Integer maxLength = schema == null ? null : schema.getMaxLength();
        Integer minLength = schema == null ? null : schema.getMinLength();
        if (maxLength != null && v.length() > maxLength) {
            v = v.substring(0, maxLength);
        }
        if (minLength != null && v.length() < minLength) {
            v = v + "x".repeat(minLength - v.length());
        }
        return v;
    }
}
