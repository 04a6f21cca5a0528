package ai.askel.confluence.app.templates;

import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.ports.spi.TemplateInput;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template's suggested title, such as {@code "Runbook: {environment}"}. The host enforces it:
 * a pattern must name only required inputs (checked when the template loads), and the host fills it
 * in from the caller's inputs where a title is suggested (previews, listings).
 */
final class TitlePattern {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private TitlePattern() {
    }

    static void check(String pattern, List<TemplateInput> inputs) {
        Matcher placeholder = PLACEHOLDER.matcher(pattern);
        while (placeholder.find()) {
            String name = placeholder.group(1).strip();
            if (inputs.stream().noneMatch(input -> input.name().equals(name) && input.required())) {
                throw InvalidInputException.of("titlePattern", "'%s' names {%s}, which is not a required input".formatted(pattern, name));
            }
        }
        if (pattern.replaceAll(PLACEHOLDER.pattern(), "").contains("{") || pattern.replaceAll(PLACEHOLDER.pattern(), "").contains("}")) {
            throw InvalidInputException.of("titlePattern", "'%s' has an unbalanced brace".formatted(pattern));
        }
    }

    static String fill(String pattern, TemplateInputs inputs) {
        return PLACEHOLDER.matcher(pattern).replaceAll(m -> Matcher.quoteReplacement(inputs.string(m.group(1).strip()).orElse("")));
    }
}
