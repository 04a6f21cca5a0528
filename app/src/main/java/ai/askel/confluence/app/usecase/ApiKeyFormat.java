package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.ContentHash;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of the connector's API keys: {@code ask_<8-char prefix>_<32 random base62 chars>}. The
 * prefix finds the stored record and may be shown; the whole key is stored only as its SHA-256.
 */
final class ApiKeyFormat {
    static final int PREFIX_LENGTH = 8;
    static final int SECRET_LENGTH = 32;
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final Pattern SHAPE = Pattern.compile("ask_([0-9A-Za-z]{" + PREFIX_LENGTH + "})_[0-9A-Za-z]{" + SECRET_LENGTH + "}");

    private ApiKeyFormat() {
    }

    static String newPrefix(SecureRandom random) {
        return base62(random, PREFIX_LENGTH);
    }

    static String newKey(SecureRandom random, String prefix) {
        return "ask_" + prefix + "_" + base62(random, SECRET_LENGTH);
    }

    /** The prefix of a well-formed key; empty for anything else. */
    static Optional<String> prefixOf(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        Matcher m = SHAPE.matcher(presented);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static ContentHash hash(String key) {
        return ContentHash.ofBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String base62(SecureRandom random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        return out.toString();
    }
}
