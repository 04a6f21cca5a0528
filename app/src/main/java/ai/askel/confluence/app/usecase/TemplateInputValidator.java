package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.domain.error.InvalidInputException.Problem;
import ai.askel.confluence.ports.spi.TemplateInput;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a request's inputs against the inputs a template declares, before anything is rendered or
 * sent, and lists every problem at once: missing required inputs, values of the wrong type, inputs
 * the template does not know, table cells that are not text or name no column, URLs that are not http(s).
 */
public final class TemplateInputValidator {

    @Inject
    public TemplateInputValidator() {
    }

    /** Problems kept in full; beyond them only a count. */
    static final int MAX_PROBLEMS = 200;

    /** Throws {@link InvalidInputException} naming every problem, in declaration order, then unknown names. */
    public void validate(String templateId, List<TemplateInput> declared, TemplateInputs inputs) {
        List<Problem> problems = problems(templateId, declared, inputs);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    public List<Problem> problems(String templateId, List<TemplateInput> declared, TemplateInputs inputs) {
        Collected problems = new Collected();
        Map<String, TemplateInput> byName = new LinkedHashMap<>();
        declared.forEach(input -> byName.put(input.name(), input));
        for (TemplateInput input : declared) {
            String field = "inputs." + input.name();
            Object value = inputs.get(input.name()).orElse(null);
            if (value == null || (value instanceof String s && s.isBlank())) {
                if (input.required()) {
                    problems.add(new Problem(field, "is required by template " + templateId));
                }
                continue;
            }
            check(field, input, value, problems);
        }
        for (String name : inputs.values().keySet()) {
            if (!byName.containsKey(name)) {
                problems.add(new Problem("inputs." + name, "is not an input of template %s; it takes %s"
                        .formatted(templateId, byName.isEmpty() ? "no inputs" : String.join(", ", byName.keySet()))));
            }
        }
        return problems.list();
    }

    /**
     * The problems found, at most {@link #MAX_PROBLEMS} of them kept: an input of a million bad elements must not
     * make a million problems in memory. The rest are counted in one last problem.
     */
    private static final class Collected {
        private final List<Problem> kept = new ArrayList<>();
        private int dropped;

        void add(Problem problem) {
            if (kept.size() < MAX_PROBLEMS) {
                kept.add(problem);
            } else {
                dropped++;
            }
        }

        List<Problem> list() {
            if (dropped == 0) {
                return kept;
            }
            List<Problem> all = new ArrayList<>(kept);
            all.add(new Problem("inputs", "and %d more problems like those above".formatted(dropped)));
            return all;
        }
    }

    private static void check(String field, TemplateInput input, Object value, Collected problems) {
        switch (input.type()) {
            case STRING -> {
                if (!(value instanceof String s)) {
                    problems.add(wrongType(field, "a string", value));
                } else if (s.contains("\n") || s.contains("\r")) {
                    problems.add(new Problem(field, "must be one line of text"));
                }
            }
            case TEXT -> {
                if (!(value instanceof String)) {
                    problems.add(wrongType(field, "text", value));
                }
            }
            case URL -> {
                if (!(value instanceof String s)) {
                    problems.add(wrongType(field, "a URL", value));
                } else if (!isHttpUrl(s)) {
                    problems.add(new Problem(field, "'%s' is not an http or https URL".formatted(shortDisplay(s))));
                }
            }
            case NUMBER -> {
                if (!(value instanceof Long || value instanceof BigDecimal)) {
                    problems.add(wrongType(field, "a number", value));
                }
            }
            case BOOLEAN -> {
                if (!(value instanceof Boolean)) {
                    problems.add(wrongType(field, "true or false", value));
                }
            }
            case STRING_LIST -> {
                if (!(value instanceof List<?> list)) {
                    problems.add(wrongType(field, "a list of strings", value));
                } else {
                    for (int i = 0; i < list.size(); i++) {
                        if (!(list.get(i) instanceof String)) {
                            problems.add(wrongType(field + "[" + i + "]", "a string", list.get(i)));
                        }
                    }
                }
            }
            case TABLE -> checkTable(field, input, value, problems);
        }
    }

    private static void checkTable(String field, TemplateInput input, Object value, Collected problems) {
        if (!(value instanceof List<?> rows)) {
            problems.add(wrongType(field, "a list of rows (" + String.join(", ", input.columns()) + ")", value));
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            String rowField = field + "[" + i + "]";
            if (!(rows.get(i) instanceof Map<?, ?> row)) {
                problems.add(wrongType(rowField, "a row with " + String.join(", ", input.columns()), rows.get(i)));
                continue;
            }
            // a column the row leaves out (or leaves blank) reads as "": a contact without hours is still a contact
            for (String column : input.columns()) {
                Object cell = row.get(column);
                if (cell != null && !(cell instanceof String)) {
                    problems.add(wrongType(rowField + "." + column, "a string", cell));
                }
            }
            for (Object key : row.keySet()) {
                if (!input.columns().contains(key)) {
                    problems.add(new Problem(rowField + "." + key, "is not a column of %s; its columns are %s"
                            .formatted(input.name(), String.join(", ", input.columns()))));
                }
            }
        }
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static Problem wrongType(String field, String expected, Object value) {
        return new Problem(field, "must be %s, not %s".formatted(expected, describe(value)));
    }

    private static String describe(Object value) {
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Long || value instanceof BigDecimal) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        return value.getClass().getSimpleName();
    }

    private static String shortDisplay(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 60 ? clean : clean.substring(0, 57) + "...";
    }
}
