package ai.askel.confluence.adapter.persistence;

import ai.askel.confluence.domain.ContentHash;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.ports.out.MasterKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Master keys from their base64 form. A key's id is derived from the key itself (a truncated
 * SHA-256 under a fixed label), so the same key always has the same id wherever it is configured,
 * and a wrong key is recognised by its id before any decryption is tried. 64 bits of a hash reveal
 * nothing usable about a 256-bit key.
 */
final class MasterKeys {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] ID_LABEL = "askel master key id\0".getBytes(StandardCharsets.US_ASCII);

    private MasterKeys() {
    }

    static MasterKey fromBase64(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new ConnectorException(ErrorCode.SECRET_KEY_MISMATCH, source + " is not valid base64");
        }
        try {
            if (key.length != 32) {
                throw new ConnectorException(ErrorCode.SECRET_KEY_MISMATCH,
                        source + " must be 32 bytes (AES-256) in base64, but it is " + key.length + " bytes");
            }
            return new MasterKey(idOf(key), key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    static MasterKey generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        try {
            return new MasterKey(idOf(key), key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The same key under the id derived from its material. */
    static MasterKey withDerivedId(MasterKey key) {
        byte[] bytes = key.key();
        try {
            return new MasterKey(idOf(bytes), bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    static String toBase64(MasterKey key) {
        byte[] bytes = key.key();
        try {
            return Base64.getEncoder().encodeToString(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    static String idOf(byte[] key) {
        MessageDigest digest = ContentHash.sha256();
        digest.update(ID_LABEL);
        digest.update(key);
        return "k-" + HexFormat.of().formatHex(digest.digest(), 0, 8);
    }
}
