package ai.askel.confluence.adapter.persistence;

import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.ports.out.EncryptedSecret;
import ai.askel.confluence.ports.out.MasterKey;
import ai.askel.confluence.ports.out.SecretBinding;
import ai.askel.confluence.ports.out.SecretCipherPort;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a fresh random 12-byte nonce per value and a 128-bit tag. The associated data
 * binds each ciphertext to the key id, and (for a {@link SecretBinding}) to the row that holds it and
 * its purpose, so a value can be passed off neither as another key's nor as another connection's
 * token. A value under another key or binding, or tampered with, fails with
 * {@link ErrorCode#SECRET_KEY_MISMATCH}; GCM's tag guarantees that a wrong key never yields garbage.
 * Values without a binding (stored before bindings existed) are re-encrypted with one at start.
 */
final class AesGcmSecretCipherAdapter implements SecretCipherPort {
    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AtomicReference<MasterKey> current;
    /**
     * Readers and writers of stored values hold it shared; a rotation holds it alone from before its
     * transaction until the new key is current, so no value is written under a retiring key and none
     * is read under the wrong one.
     */
    private final ReadWriteLock keyLock = new ReentrantReadWriteLock();

    AesGcmSecretCipherAdapter(MasterKey key) {
        this.current = new AtomicReference<>(Objects.requireNonNull(key, "key"));
    }

    @Override
    public EncryptedSecret encrypt(Secret secret) {
        return encrypt(secret, current.get(), Optional.empty());
    }

    @Override
    public Secret decrypt(EncryptedSecret encrypted) {
        return decrypt(encrypted, Optional.empty());
    }

    @Override
    public EncryptedSecret encrypt(Secret secret, SecretBinding binding) {
        return encrypt(secret, current.get(), Optional.of(binding));
    }

    @Override
    public Secret decrypt(EncryptedSecret encrypted, SecretBinding binding) {
        return decrypt(encrypted, Optional.of(binding));
    }

    Secret decrypt(EncryptedSecret encrypted, Optional<SecretBinding> binding) {
        MasterKey key = current.get();
        if (!encrypted.keyId().equals(key.id())) {
            throw new ConnectorException(ErrorCode.SECRET_KEY_MISMATCH, ("a stored API token was encrypted with master key '%s',"
                    + " but the configured master key is '%s': configure the key it was encrypted with"
                    + " (ASKEL_MASTER_KEY or master.key in the data directory)").formatted(encrypted.keyId(), key.id()));
        }
        byte[] nonce = encrypted.nonce();
        if (nonce.length != NONCE_BYTES) {
            throw new ConnectorException(ErrorCode.SECRET_KEY_MISMATCH,
                    "a stored API token has a %d-byte nonce, not %d: the stored value is damaged".formatted(nonce.length, NONCE_BYTES));
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, binding);
            return Secret.of(new String(cipher.doFinal(encrypted.ciphertext()), StandardCharsets.UTF_8), "apiToken");
        } catch (AEADBadTagException e) {
            throw new ConnectorException(ErrorCode.SECRET_KEY_MISMATCH, ("a stored API token does not decrypt with master key '%s':"
                    + " the stored value was altered or moved from another row, or it was encrypted with a different key of the same id")
                    .formatted(key.id()));
        } catch (GeneralSecurityException e) {
            throw new ConnectorException(ErrorCode.INTERNAL, "AES-GCM is not available in this JVM: " + e.getMessage(), null, e);
        }
    }

    @Override
    public String currentKeyId() {
        return current.get().id();
    }

    /** Encrypts with the given key rather than the current one (for rotation). */
    EncryptedSecret encrypt(Secret secret, MasterKey key, Optional<SecretBinding> binding) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            byte[] ciphertext = cipher(Cipher.ENCRYPT_MODE, key, nonce, binding).doFinal(secret.reveal().getBytes(StandardCharsets.UTF_8));
            return new EncryptedSecret(key.id(), nonce, ciphertext);
        } catch (GeneralSecurityException e) {
            throw new ConnectorException(ErrorCode.INTERNAL, "AES-GCM is not available in this JVM: " + e.getMessage(), null, e);
        }
    }

    /** Runs {@code work}, which stores or reads encrypted values, while the current key cannot change. */
    <T> T underCurrentKey(Supplier<T> work) {
        keyLock.readLock().lock();
        try {
            return work.get();
        } finally {
            keyLock.readLock().unlock();
        }
    }

    /** Runs {@code work} (a rotation) while no value is being encrypted and stored. */
    <T> T exclusively(Supplier<T> work) {
        keyLock.writeLock().lock();
        try {
            return work.get();
        } finally {
            keyLock.writeLock().unlock();
        }
    }

    /** Makes {@code key} the current key (after a rotation committed). */
    void switchTo(MasterKey key) {
        current.set(Objects.requireNonNull(key, "key"));
    }

    private static Cipher cipher(int mode, MasterKey key, byte[] nonce, Optional<SecretBinding> binding) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key.key(), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associatedData(key.id(), binding));
        return cipher;
    }

    /** The key id alone (values stored before bindings), or a versioned, NUL-separated key id, owner and purpose. */
    static byte[] associatedData(String keyId, Optional<SecretBinding> binding) {
        String data = binding.map(b -> "askel-secret-v2\0" + keyId + "\0" + b.owner() + "\0" + b.purpose()).orElse(keyId);
        return data.getBytes(StandardCharsets.UTF_8);
    }
}
