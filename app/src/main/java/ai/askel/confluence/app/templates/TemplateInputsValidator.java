package ai.askel.confluence.app.templates;

import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.domain.error.InvalidInputException.Problem;
import ai.askel.confluence.ports.spi.InputType;
import ai.askel.confluence.ports.spi.TemplateInput;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a caller's inputs against the inputs a template declares, before the template sees them,
 * and reports every problem at once: a required input missing (a blank string or an empty list counts
 * as missing), a value of the wrong type, a table row with a field the table does not have, and an
 * input the template does not take (usually a typo).
 */
final class TemplateInputsValidator {
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");

    private TemplateInputsValidator() {
    }

    static void validate(String templateId, List<TemplateInput> declared, TemplateInputs inputs) {
        List<Problem> problems = new ArrayList<>();
        for (TemplateInput input : declared) {
            String field = "inputs." + input.name();
            Object value = inputs.get(input.name()).orElse(null);
            if (isAbsent(value)) {
                if (input.required()) {
                    problems.add(new Problem(field, "is required: " + input.description()));
                }
                continue;
            }
            check(input, field, value, problems);
        }
        Set<String> names = declared.stream().map(TemplateInput::name).collect(Collectors.toSet());
        inputs.values().keySet().stream()
                .filter(name -> !names.contains(name))
                .sorted()
                .forEach(name -> problems.add(new Problem("inputs." + name, "is not an input of template %s; it takes %s"
                        .formatted(templateId, declared.stream().map(TemplateInput::name).collect(Collectors.joining(", "))))));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static boolean isAbsent(Object value) {
        return value == null
                || value instanceof String s && s.isBlank()
                || value instanceof List<?> list && list.isEmpty();
    }

    private static void check(TemplateInput input, String field, Object value, List<Problem> problems) {
        switch (input.type()) {
            case STRING -> {
                if (!(value instanceof String s)) {
                    problems.add(new Problem(field, "must be text, not " + kind(value)));
                } else if (LINE_BREAK.matcher(s).find()) {
                    problems.add(new Problem(field, "must be a single line of text"));
                }
            }
            case TEXT -> requireText(field, value, problems);
            case URL -> {
                if (!(value instanceof String s)) {
                    problems.add(new Problem(field, "must be an http or https URL, not " + kind(value)));
                } else if (!isWebUrl(s.strip())) {
                    problems.add(new Problem(field, "'%s' is not an http or https URL".formatted(shortDisplay(s))));
                }
            }
            case NUMBER -> {
                if (!(value instanceof Long || value instanceof BigDecimal)) {
                    problems.add(new Problem(field, "must be a number, not " + kind(value)));
                }
            }
            case BOOLEAN -> {
                if (!(value instanceof Boolean)) {
                    problems.add(new Problem(field, "must be true or false, not " + kind(value)));
                }
            }
            case STRING_LIST -> {
                if (!(value instanceof List<?> list)) {
                    problems.add(new Problem(field, "must be a list of text, not " + kind(value)));
                } else {
                    for (int i = 0; i < list.size(); i++) {
                        requireText(field + "[" + i + "]", list.get(i), problems);
                    }
                }
            }
            case TABLE -> checkTable(input, field, value, problems);
        }
    }

    private static void checkTable(TemplateInput input, String field, Object value, List<Problem> problems) {
        String columns = String.join(", ", input.columns());
        if (!(value instanceof List<?> rows)) {
            problems.add(new Problem(field, "must be a list of rows with the fields %s, not %s".formatted(columns, kind(value))));
            return;
        }
        for (int r = 0; r < rows.size(); r++) {
            String rowField = field + "[" + r + "]";
            if (!(rows.get(r) instanceof Map<?, ?> row)) {
                problems.add(new Problem(rowField, "must be a row with the fields %s, not %s".formatted(columns, kind(rows.get(r)))));
                continue;
            }
            for (Map.Entry<?, ?> cell : row.entrySet()) {
                String name = String.valueOf(cell.getKey());
                if (!input.columns().contains(name)) {
                    problems.add(new Problem(rowField + "." + name, "is not a column of this table; its columns are " + columns));
                } else {
                    requireText(rowField + "." + name, cell.getValue(), problems);
                }
            }
        }
    }

    private static void requireText(String field, Object value, List<Problem> problems) {
        if (!(value instanceof String)) {
            problems.add(new Problem(field, "must be text, not " + kind(value)));
        }
    }

    private static String kind(Object value) {
        if (value instanceof String) {
            return "text";
        }
        if (value instanceof Long || value instanceof BigDecimal) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "true/false";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return value instanceof Map<?, ?> ? "an object" : "a " + value.getClass().getSimpleName();
    }

    private static boolean isWebUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String shortDisplay(String value) {
        String clean = value.codePoints().map(cp -> Character.isISOControl(cp) ? '?' : cp)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() <= 60 ? clean : clean.substring(0, 57) + "...";
    }
}
