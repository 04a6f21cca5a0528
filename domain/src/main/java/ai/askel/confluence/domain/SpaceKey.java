package ai.askel.confluence.domain;

import ai.askel.confluence.domain.error.InvalidInputException;
import java.util.regex.Pattern;

/**
 * A Confluence space key: letters and digits (a global space, for example {@code INFRA}), or a
 * personal space's key, {@code ~} followed by the owner's account id or user name.
 */
public record SpaceKey(String value) {
    private static final Pattern GLOBAL = Pattern.compile("[A-Za-z0-9]{1,255}");
    private static final Pattern PERSONAL = Pattern.compile("~[A-Za-z0-9][A-Za-z0-9._:@-]{0,253}");

    public SpaceKey {
        Require.present(value, "spaceKey");
        if (!GLOBAL.matcher(value).matches() && !PERSONAL.matcher(value).matches()) {
            throw InvalidInputException.of("spaceKey", ("'%s' is not a Confluence space key: use letters and digits only"
                    + " (for example INFRA), or ~ and an account id for a personal space").formatted(Require.shortDisplay(value)));
        }
    }

    public static SpaceKey of(String value) {
        return new SpaceKey(value);
    }

    public boolean isPersonal() {
        return value.startsWith("~");
    }

    @Override
    public String toString() {
        return value;
    }
}
