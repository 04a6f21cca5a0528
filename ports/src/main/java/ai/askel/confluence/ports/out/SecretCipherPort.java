package ai.askel.confluence.ports.out;

import ai.askel.confluence.domain.Secret;

/**
 * Encrypts secrets at rest. A value encrypted under another key than the current one, or tampered
 * with, fails with {@code ErrorCode.SECRET_KEY_MISMATCH}, never with garbage.
 */
public interface SecretCipherPort {
    EncryptedSecret encrypt(Secret secret);

    Secret decrypt(EncryptedSecret encrypted);

    /** The id of the key new values are encrypted with. */
    String currentKeyId();
}
