package ai.askel.confluence.adapter.persistence;

import java.time.Instant;
import java.time.LocalDate;

/** A row of {@code connection}: the API token only as ciphertext, nonce and key id. */
record ConnectionRow(String id, String workspaceId, String name, String siteUrl, String cloudId, String email,
                     byte[] tokenCiphertext, byte[] tokenNonce, String tokenKeyId, String accountId, String status,
                     LocalDate tokenExpiresOn, Instant createdAt, Instant updatedAt) {
}
