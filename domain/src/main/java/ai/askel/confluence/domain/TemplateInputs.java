package ai.askel.confluence.domain;

import ai.askel.confluence.domain.error.InvalidInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The inputs a template renders from: a JSON-like tree of strings, numbers, booleans, lists and
 * maps with string keys, deeply immutable. Nulls are dropped (an absent input is simply absent).
 */
public record TemplateInputs(Map<String, Object> values) {
    private static final int MAX_DEPTH = 8;

    @SuppressWarnings("unchecked")
    public TemplateInputs {
        Objects.requireNonNull(values, "values");
        values = (Map<String, Object>) freeze(values, "inputs", 0);
    }

    public static TemplateInputs empty() {
        return new TemplateInputs(Map.of());
    }

    public Optional<Object> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    private static Object freeze(Object value, String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw InvalidInputException.of(path, "is nested more than " + MAX_DEPTH + " levels deep");
        }
        if (value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal || value instanceof java.math.BigInteger) {
            if ((value instanceof Double d && !Double.isFinite(d)) || (value instanceof Float f && !Float.isFinite(f))) {
                throw InvalidInputException.of(path, "is not a finite number: " + value);
            }
            return new BigDecimal(value.toString());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw InvalidInputException.of(path, "has a key that is not a string");
                }
                if (e.getValue() != null) {
                    copy.put(key, freeze(e.getValue(), path + "." + key, depth + 1));
                }
            }
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) != null) {
                    copy.add(freeze(list.get(i), path + "[" + i + "]", depth + 1));
                }
            }
            return Collections.unmodifiableList(copy);
        }
        throw InvalidInputException.of(path, "has a value of a type inputs cannot hold: " + value.getClass().getSimpleName());
    }
}
