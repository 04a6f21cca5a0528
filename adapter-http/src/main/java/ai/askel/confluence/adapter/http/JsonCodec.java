package ai.askel.confluence.adapter.http;

import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.error.InvalidInputException.Problem;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads request bodies strictly (unknown fields, trailing content and wrong types are refused, each
 * problem naming its field or position) and writes responses. The request body never appears in
 * an error: only field names and positions do.
 */
final class JsonCodec {
    private final ObjectMapper mapper;

    @Inject
    JsonCodec() {
        this.mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                // a number or boolean where text belongs, or 1.5 where an integer belongs, is the wrong type, not a value to convert
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
    }

    <T> T read(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw HttpProblemException.badRequest("body", "a JSON body is required");
        }
        try {
            T value = mapper.readValue(body, type);
            if (value == null) {
                throw HttpProblemException.badRequest("body", "must be a JSON object, not null");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            String field = path(e);
            throw new HttpProblemException(ErrorCode.INVALID_INPUT, field + ": is not a known field",
                    List.of(new Problem(field, "is not a known field")));
        } catch (MismatchedInputException e) {
            String field = e.getPath().isEmpty() ? "body" : path(e);
            String message = field.equals("body") ? "must be a JSON object" : "has the wrong type: expected " + simpleType(e);
            throw new HttpProblemException(ErrorCode.INVALID_INPUT, field + ": " + message, List.of(new Problem(field, message)));
        } catch (JsonProcessingException e) {
            throw invalidJson(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A batch: a JSON array of objects, or NDJSON (one object per non-blank line). Each item is read like
     * a single body; a problem names the item ({@code items[3].title}). More than {@code maxItems} items
     * is refused without reading the rest.
     */
    <T> List<T> readBatch(byte[] body, Class<T> type, boolean ndjson, int maxItems) {
        if (body.length == 0) {
            throw HttpProblemException.badRequest("body", "a batch body is required");
        }
        List<byte[]> items = ndjson ? lines(body) : arrayItems(body);
        if (items.size() > maxItems) {
            throw HttpProblemException.badRequest("items", "a batch holds at most %d items".formatted(maxItems));
        }
        List<T> read = new java.util.ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            try {
                read.add(read(items.get(i), type));
            } catch (HttpProblemException e) {
                String at = "items[" + i + "]";
                List<Problem> problems = e.problems().stream().map(p -> new Problem(p.field().equals("body") ? at : at + "." + p.field(),
                        p.message())).toList();
                throw new HttpProblemException(ErrorCode.INVALID_INPUT, problems.stream().map(Problem::toString)
                        .collect(Collectors.joining("; ")), problems);
            }
        }
        if (read.isEmpty()) {
            throw HttpProblemException.badRequest("items", "a batch holds at least one item");
        }
        return read;
    }

    private static List<byte[]> lines(byte[] body) {
        List<byte[]> lines = new java.util.ArrayList<>();
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '\n') {
                byte[] line = java.util.Arrays.copyOfRange(body, start, i);
                if (!new String(line, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
                    lines.add(line);
                }
                start = i + 1;
            }
        }
        return lines;
    }

    /** The raw bytes of each element of a top-level JSON array, so each is read (and reported) on its own. */
    private List<byte[]> arrayItems(byte[] body) {
        try {
            com.fasterxml.jackson.databind.JsonNode tree = mapper.readTree(body);
            if (tree == null || !tree.isArray()) {
                throw HttpProblemException.badRequest("body", "must be a JSON array of runbooks (or NDJSON, one per line)");
            }
            List<byte[]> items = new java.util.ArrayList<>(tree.size());
            for (com.fasterxml.jackson.databind.JsonNode item : tree) {
                items.add(mapper.writeValueAsBytes(item));
            }
            return items;
        } catch (JsonProcessingException e) {
            throw invalidJson(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where a body stopped being JSON, never what it said there: Jackson's own message quotes the offending token, which
     * may be an API token sent without its quotes.
     */
    private static HttpProblemException invalidJson(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line %d, column %d".formatted(at.getLineNr(), at.getColumnNr());
        String why = e instanceof JsonEOFException ? " (it ends before the JSON is complete)" : "";
        String message = "is not valid JSON" + where + why;
        return new HttpProblemException(ErrorCode.INVALID_INPUT, "body " + message, List.of(new Problem("body", message)));
    }

    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response could not be written as JSON: " + value.getClass().getSimpleName(), e);
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String simpleType(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        if (target == null) {
            return "another type";
        }
        if (target == String.class) {
            return "a string";
        }
        if (target == Integer.class || target == int.class || target == Long.class) {
            return "a whole number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(target)) {
            return "an array";
        }
        return "an object";
    }
}
