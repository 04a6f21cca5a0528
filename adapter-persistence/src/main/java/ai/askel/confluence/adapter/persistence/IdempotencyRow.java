package ai.askel.confluence.adapter.persistence;

import java.time.Instant;

/** A row of {@code idempotency_record}; no response status means still in progress, held until the lease expires. */
record IdempotencyRow(String workspaceId, String idempotencyKey, String requestHash, Integer responseStatus, String responseBody,
                      Instant createdAt, Instant expiresAt, Instant leaseExpiresAt) {
}
