package ai.askel.confluence.plugins.runbook;

import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed, forgiving reads of the runbook's inputs. The host has already checked them against the
 * declared inputs; blank strings, empty lists and blank rows count as absent, so a section with
 * nothing to say is left out instead of rendered empty.
 */
final class RunbookInputs {
    private final TemplateInputs inputs;

    RunbookInputs(TemplateInputs inputs) {
        this.inputs = inputs;
    }

    /** A stripped, non-blank string. */
    Optional<String> text(String name) {
        return inputs.get(name).map(value -> asString(value, name)).map(String::strip).filter(s -> !s.isEmpty());
    }

    String requiredText(String name) {
        return text(name).orElseThrow(() -> InvalidInputException.of("inputs." + name, "is required"));
    }

    /** The non-blank items of a list, stripped, in order. */
    List<String> list(String name) {
        List<String> items = new ArrayList<>();
        for (Object item : asList(name)) {
            String text = asString(item, name).strip();
            if (!text.isEmpty()) {
                items.add(text);
            }
        }
        return List.copyOf(items);
    }

    /** The rows of a table as cells in {@code columns} order (a missing cell is ""); rows with no text are dropped. */
    List<List<String>> table(String name, List<String> columns) {
        List<List<String>> rows = new ArrayList<>();
        for (Object row : asList(name)) {
            if (!(row instanceof Map<?, ?> fields)) {
                throw InvalidInputException.of("inputs." + name, "every row must be an object with the fields " + columns);
            }
            List<String> cells = columns.stream()
                    .map(column -> fields.get(column) == null ? "" : asString(fields.get(column), name + "." + column).strip())
                    .toList();
            if (cells.stream().anyMatch(cell -> !cell.isEmpty())) {
                rows.add(cells);
            }
        }
        return List.copyOf(rows);
    }

    private List<?> asList(String name) {
        Object value = inputs.get(name).orElse(List.of());
        if (!(value instanceof List<?> list)) {
            throw InvalidInputException.of("inputs." + name, "must be a list");
        }
        return list;
    }

    private static String asString(Object value, String name) {
        if (value instanceof String s) {
            return s;
        }
        throw InvalidInputException.of("inputs." + name, "must be text");
    }
}
