package ai.askel.confluence.adapter.persistence;

import java.time.Instant;

/** A row of {@code api_key}: a prefix and a hash, never the key. */
record ApiKeyRow(String id, String workspaceId, String name, String prefix, String keyHash, String scope, Instant createdAt,
                 Instant revokedAt) {
}
