package ai.askel.confluence.domain;

import ai.askel.confluence.domain.error.InvalidInputException;
import java.util.regex.Pattern;

/** Which content template (and which version of it) renders a runbook. */
public record TemplateRef(String id, String version) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+-]{0,31}");

    public TemplateRef {
        Require.present(id, "template");
        if (!ID.matcher(id).matches()) {
            throw InvalidInputException.of("template", "'%s' is not a template id: lower-case letters, digits and '-', at most 64"
                    .formatted(Require.shortDisplay(id)));
        }
        Require.present(version, "templateVersion");
        if (!VERSION.matcher(version).matches()) {
            throw InvalidInputException.of("templateVersion", "'%s' is not a version".formatted(Require.shortDisplay(version)));
        }
    }

    public static void requireValidId(String id) {
        new TemplateRef(id, "0");
    }

    @Override
    public String toString() {
        return id + "@" + version;
    }
}
