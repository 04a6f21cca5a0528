package ai.askel.confluence.ports.out;

import ai.askel.confluence.domain.Secret;

/**
 * Encrypts secrets at rest. A value encrypted under another key than the current one, or tampered
 * with, fails with {@code ErrorCode.SECRET_KEY_MISMATCH}, never with garbage.
 */
public interface SecretCipherPort {
    EncryptedSecret encrypt(Secret secret);

    Secret decrypt(EncryptedSecret encrypted);

    /**
     * Encrypts bound to {@code binding} (the key id, the owner and the purpose are the associated data):
     * only {@link #decrypt(EncryptedSecret, SecretBinding)} with the same binding decrypts it.
     */
    EncryptedSecret encrypt(Secret secret, SecretBinding binding);

    /** Decrypts a value encrypted under {@code binding}; under any other binding it fails with {@code SECRET_KEY_MISMATCH}. */
    Secret decrypt(EncryptedSecret encrypted, SecretBinding binding);

    /** The id of the key new values are encrypted with. */
    String currentKeyId();
}
