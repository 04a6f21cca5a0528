package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.ContentHash;
import ai.askel.confluence.domain.WorkspaceIds;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.ports.in.RotateMasterKeyUseCase;
import ai.askel.confluence.ports.out.MasterKey;
import ai.askel.confluence.ports.out.MasterKeyRotationPort;
import jakarta.inject.Inject;

import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Re-encrypts every stored secret under a new AES-256 master key given in base64. The key's id is
 * derived from its SHA-256 (the first 12 hex digits), so the same key always has the same id and
 * the id says nothing usable about the key.
 */
final class RotateMasterKeyService implements RotateMasterKeyUseCase {
    private final MasterKeyRotationPort rotation;
    private final AuditTrail audit;

    @Inject
    public RotateMasterKeyService(MasterKeyRotationPort rotation, AuditTrail audit) {
        this.rotation = rotation;
        this.audit = audit;
    }

    @Override
    public int rotate(String newKeyBase64) {
        byte[] key = decode(newKeyBase64);
        try {
            MasterKey masterKey = new MasterKey(keyId(key), key);
            int count = rotation.rotateTo(masterKey);
            audit.record(WorkspaceIds.DEFAULT, "master-key.rotate", Optional.empty(), Optional.empty(),
                    "re-encrypted %d secrets under key %s".formatted(count, masterKey.id()));
            return count;
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    static String keyId(byte[] key) {
        return "k-" + ContentHash.ofBytes(key).hex().substring(0, 12);
    }

    private static byte[] decode(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw InvalidInputException.of("masterKey", "is required (32 random bytes, base64)");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("masterKey", "is not base64");
        }
        if (key.length != 32) {
            Arrays.fill(key, (byte) 0);
            throw InvalidInputException.of("masterKey", "must be 32 bytes (AES-256), was " + key.length);
        }
        return key;
    }
}
