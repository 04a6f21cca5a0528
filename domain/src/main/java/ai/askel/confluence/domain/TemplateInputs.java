package ai.askel.confluence.domain;

import ai.askel.confluence.domain.error.InputReadException;
import ai.askel.confluence.domain.error.InputReadException.ReadAs;
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
 *
 * <p>Templates read them through the typed accessors ({@link #string}, {@link #number},
 * {@link #bool}, {@link #list}, {@link #table}): a blank string, a blank list item and a table row
 * whose cells are all blank count as absent, every number is a {@link BigDecimal}, and a value of the
 * wrong shape is an {@link InputReadException} naming the input, never a {@link ClassCastException}.
 * (The host validates a caller's inputs against the template's declaration before it renders, so during a
 * render such a mismatch means the template read an input otherwise than it declares it.)
 */
public record TemplateInputs(Map<String, Object> values) {
    private static final int MAX_DEPTH = 8;
    private static final String FIELD = "inputs.";

    @SuppressWarnings("unchecked")
    public TemplateInputs {
        Objects.requireNonNull(values, "values");
        values = (Map<String, Object>) freeze(values, "inputs", 0);
    }

    public static TemplateInputs empty() {
        return new TemplateInputs(Map.of());
    }

    /** The raw value: a String, Long, BigDecimal, Boolean, List or Map. Prefer the typed accessors. */
    public Optional<Object> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** A text input (STRING, TEXT or URL), stripped; empty when absent or blank. */
    public Optional<String> string(String name) {
        return get(name).map(value -> text(value, name, name, ReadAs.TEXT)).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** A text input that must be present; an {@link InputReadException} names it otherwise. */
    public String requiredString(String name) {
        return string(name).orElseThrow(() -> new InputReadException(name, ReadAs.REQUIRED, FIELD + name, "is required"));
    }

    /** A NUMBER input, whatever its JSON form (an integer or a decimal), as one type. */
    public Optional<BigDecimal> number(String name) {
        return get(name).map(value -> {
            if (value instanceof Long l) {
                return BigDecimal.valueOf(l);
            }
            if (value instanceof BigDecimal d) {
                return d;
            }
            throw new InputReadException(name, ReadAs.NUMBER, FIELD + name, "must be a number");
        });
    }

    /** A BOOLEAN input. */
    public Optional<Boolean> bool(String name) {
        return get(name).map(value -> {
            if (value instanceof Boolean b) {
                return b;
            }
            throw new InputReadException(name, ReadAs.BOOLEAN, FIELD + name, "must be true or false");
        });
    }

    /** A STRING_LIST input's non-blank items, stripped, in order; empty when absent. */
    public List<String> list(String name) {
        List<String> items = new ArrayList<>();
        for (Object item : listValue(name, ReadAs.LIST)) {
            String text = text(item, name, name, ReadAs.LIST).strip();
            if (!text.isEmpty()) {
                items.add(text);
            }
        }
        return List.copyOf(items);
    }

    /** A TABLE input's rows, in order, leaving out rows whose cells are all blank; empty when absent. */
    public List<TableRow> table(String name) {
        List<TableRow> rows = new ArrayList<>();
        for (Object row : listValue(name, ReadAs.TABLE)) {
            if (!(row instanceof Map<?, ?> fields)) {
                throw new InputReadException(name, ReadAs.TABLE, FIELD + name, "every row must be an object");
            }
            Map<String, String> cells = new LinkedHashMap<>();
            fields.forEach((column, value) -> cells.put((String) column, text(value, name, name + "." + column, ReadAs.TABLE).strip()));
            TableRow tableRow = new TableRow(cells);
            if (!tableRow.isBlank()) {
                rows.add(tableRow);
            }
        }
        return List.copyOf(rows);
    }

    private List<?> listValue(String name, ReadAs readAs) {
        Object value = values.getOrDefault(name, List.of());
        if (!(value instanceof List<?> list)) {
            throw new InputReadException(name, readAs, FIELD + name, "must be a list");
        }
        return list;
    }

    private static String text(Object value, String name, String field, ReadAs readAs) {
        if (value instanceof String s) {
            return s;
        }
        throw new InputReadException(name, readAs, FIELD + field, "must be text");
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
