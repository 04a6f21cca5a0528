package ai.askel.confluence.domain;

import ai.askel.confluence.domain.error.InvalidInputException;
import java.util.regex.Pattern;

/** The Atlassian account email used as the Basic-auth user name. */
public record EmailAddress(String value) {
    private static final Pattern SHAPE = Pattern.compile("[^@\\s:]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z0-9-]{2,63}");

    public EmailAddress {
        Require.present(value, "email");
        value = value.strip();
        if (!SHAPE.matcher(value).matches()) {
            throw InvalidInputException.of("email", "'%s' is not an email address".formatted(Require.shortDisplay(value)));
        }
    }

    public static EmailAddress of(String value) {
        return new EmailAddress(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
