package ai.askel.confluence.adapter.http.console;

import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.ports.in.TemplateDescriptor;
import ai.askel.confluence.ports.spi.InputType;
import ai.askel.confluence.ports.spi.TemplateInput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A template's typed inputs as form fields, and back. A scalar input is the field {@code in.<name>};
 * a list is one {@code in.<name>} field per row; a table is one {@code in.<name>.<column>} field per
 * row and column. Blank rows are dropped; rows and lists are bounded.
 */
final class TemplateForm {
    static final String PREFIX = "in.";
    static final int MAX_ROWS = 200;

    private TemplateForm() {
    }

    /** One input as the form shows it, with its current value(s). */
    record Field(String name, String label, String description, String kind, boolean required, String example, String value,
                 List<String> items, List<String> columns, List<List<String>> rows) {
        String id() {
            return "in-" + name;
        }
    }

    /** The fields of a template, filled from inputs (a republish) or empty. */
    static List<Field> fields(TemplateDescriptor template, TemplateInputs inputs) {
        return template.inputs().stream().map(input -> field(input, inputs.get(input.name()).orElse(null))).toList();
    }

    private static Field field(TemplateInput input, Object value) {
        String example = input.example().orElse("");
        String label = label(input.name());
        return switch (input.type()) {
            case STRING_LIST -> {
                List<String> items = value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
                yield new Field(input.name(), label, input.description(), "list", input.required(), example, "",
                        items.isEmpty() ? List.of("") : items, List.of(), List.of());
            }
            case TABLE -> {
                List<List<String>> rows = new ArrayList<>();
                if (value instanceof List<?> list) {
                    for (Object row : list) {
                        if (row instanceof Map<?, ?> map) {
                            rows.add(input.columns().stream().map(c -> map.get(c) == null ? "" : String.valueOf(map.get(c))).toList());
                        }
                    }
                }
                if (rows.isEmpty()) {
                    rows.add(input.columns().stream().map(c -> "").toList());
                }
                yield new Field(input.name(), label, input.description(), "table", input.required(), example, "", List.of(),
                        input.columns(), rows);
            }
            default -> new Field(input.name(), label, input.description(), kind(input.type()), input.required(), example,
                    value == null ? "" : String.valueOf(value), List.of(), List.of(), List.of());
        };
    }

    /** The inputs a submitted form holds; a number that is not one is refused naming its field. */
    static TemplateInputs read(TemplateDescriptor template, Function<String, List<String>> form) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (TemplateInput input : template.inputs()) {
            String key = PREFIX + input.name();
            switch (input.type()) {
                case STRING_LIST -> {
                    List<String> items = bounded(form.apply(key), input.name()).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
                    if (!items.isEmpty()) {
                        values.put(input.name(), items);
                    }
                }
                case TABLE -> {
                    List<Map<String, Object>> rows = table(input, form);
                    if (!rows.isEmpty()) {
                        values.put(input.name(), rows);
                    }
                }
                default -> {
                    List<String> submitted = form.apply(key);
                    String value = submitted.isEmpty() ? "" : submitted.get(0).strip();
                    if (input.type() == InputType.BOOLEAN) {
                        values.put(input.name(), !value.isEmpty());
                    } else if (!value.isEmpty()) {
                        values.put(input.name(), input.type() == InputType.NUMBER ? number(input.name(), value) : value);
                    }
                }
            }
        }
        return new TemplateInputs(values);
    }

    private static List<Map<String, Object>> table(TemplateInput input, Function<String, List<String>> form) {
        List<List<String>> columns = input.columns().stream().map(c -> bounded(form.apply(PREFIX + input.name() + "." + c), input.name())).toList();
        int rows = columns.stream().mapToInt(List::size).max().orElse(0);
        List<Map<String, Object>> result = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            // a row names every column (a blank cell is an empty string); a row left wholly blank is dropped
            Map<String, Object> row = new LinkedHashMap<>();
            boolean blank = true;
            for (int c = 0; c < columns.size(); c++) {
                String cell = i < columns.get(c).size() ? columns.get(c).get(i).strip() : "";
                blank = blank && cell.isEmpty();
                row.put(input.columns().get(c), cell);
            }
            if (!blank) {
                result.add(row);
            }
        }
        return result;
    }

    private static List<String> bounded(List<String> values, String name) {
        if (values.size() > MAX_ROWS) {
            throw InvalidInputException.of(name, "has %d rows; at most %d are allowed".formatted(values.size(), MAX_ROWS));
        }
        return values;
    }

    private static BigDecimal number(String name, String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(name, "'%s' is not a number".formatted(value));
        }
    }

    private static String kind(InputType type) {
        return switch (type) {
            case TEXT -> "text";
            case URL -> "url";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            default -> "string";
        };
    }

    /** {@code maintenanceWindow} becomes "Maintenance window". */
    static String label(String name) {
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
