package ai.askel.confluence.ports.out;

import java.util.Objects;

/** A secret encrypted with AES-256-GCM: the key's id, the nonce, and the ciphertext with its tag. */
public record EncryptedSecret(String keyId, byte[] nonce, byte[] ciphertext) {
    public EncryptedSecret {
        Objects.requireNonNull(keyId, "keyId");
        nonce = nonce.clone();
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }
}
