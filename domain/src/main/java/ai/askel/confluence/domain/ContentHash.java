package ai.askel.confluence.domain;

import ai.askel.confluence.domain.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** A SHA-256 digest, in lower-case hex: how the connector knows content did not change. */
public record ContentHash(String hex) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public ContentHash {
        if (hex == null || !HEX.matcher(hex).matches()) {
            throw InvalidInputException.of("contentHash", "must be 64 lower-case hex digits");
        }
    }

    /** The hash of the parts, each length-prefixed so that ("ab","c") and ("a","bc") differ. */
    public static ContentHash of(String... parts) {
        MessageDigest digest = sha256();
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) ':');
            digest.update(bytes);
        }
        return new ContentHash(HexFormat.of().formatHex(digest.digest()));
    }

    public static ContentHash ofBytes(byte[] bytes) {
        return new ContentHash(HexFormat.of().formatHex(sha256().digest(bytes)));
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public static ContentHash fromDigest(MessageDigest digest) {
        return new ContentHash(HexFormat.of().formatHex(digest.digest()));
    }

    @Override
    public String toString() {
        return hex;
    }
}
