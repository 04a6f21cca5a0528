package ai.askel.confluence.domain;

import ai.askel.confluence.domain.error.InvalidInputException;
import java.util.regex.Pattern;

/** An Atlassian cloud id: scoped API tokens reach a site through {@code api.atlassian.com/ex/confluence/{cloudId}}. */
public record CloudId(String value) {
    private static final Pattern SHAPE = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public CloudId {
        Require.present(value, "cloudId");
        if (!SHAPE.matcher(value).matches()) {
            throw InvalidInputException.of("cloudId", "'%s' is not an Atlassian cloud id (a UUID)".formatted(Require.shortDisplay(value)));
        }
        value = value.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
