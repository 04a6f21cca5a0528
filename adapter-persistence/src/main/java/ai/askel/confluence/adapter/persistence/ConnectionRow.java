package ai.askel.confluence.adapter.persistence;

import ai.askel.confluence.ports.out.EncryptedSecret;
import ai.askel.confluence.ports.out.SecretBinding;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A row of {@code connection}: the API token only as ciphertext, nonce and key id, and how the
 * ciphertext is bound ({@link #UNBOUND} to the key id only, {@link #BOUND} also to this row and purpose).
 */
record ConnectionRow(String id, String workspaceId, String name, String siteUrl, String cloudId, String email,
                     byte[] tokenCiphertext, byte[] tokenNonce, String tokenKeyId, String accountId, String status,
                     LocalDate tokenExpiresOn, Instant createdAt, Instant updatedAt, int tokenBinding) {
    static final int UNBOUND = 1;
    static final int BOUND = 2;

    /** The same row with its token replaced by {@code token}, bound to this row. */
    ConnectionRow withBoundToken(EncryptedSecret token) {
        return new ConnectionRow(id, workspaceId, name, siteUrl, cloudId, email, token.ciphertext(), token.nonce(), token.keyId(),
                accountId, status, tokenExpiresOn, createdAt, updatedAt, BOUND);
    }

    EncryptedSecret token() {
        return new EncryptedSecret(tokenKeyId, tokenNonce, tokenCiphertext);
    }

    Optional<SecretBinding> binding() {
        return tokenBinding == BOUND ? Optional.of(SecretBinding.apiTokenOf(id))
                : Optional.empty();
    }
}
