package ai.askel.confluence.ports.out;

import ai.askel.confluence.domain.ContentHash;
import ai.askel.confluence.domain.WorkspaceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the connector remembers of a request sent with an {@code Idempotency-Key}: a hash of the
 * request, and once it completed, the response to give again. No response yet means in progress;
 * an in-progress record holds its key only until {@code leaseExpiresAt} (the running request renews
 * the lease), so a request that died with its process leaves a key that can be retried.
 */
public record IdempotencyRecord(WorkspaceId workspace, String key, ContentHash requestHash, Optional<StoredResponse> response,
                                Instant createdAt, Instant expiresAt, Instant leaseExpiresAt) {
    /** A completed response: status and body (JSON), replayed as they were. */
    public record StoredResponse(int status, String body) {
        public StoredResponse {
            Objects.requireNonNull(body, "body");
        }
    }

    public IdempotencyRecord {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(requestHash, "requestHash");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(leaseExpiresAt, "leaseExpiresAt");
    }

    /** Whether the request that claimed the key stopped renewing its lease before {@code now} (it crashed). */
    public boolean isAbandoned(Instant now) {
        return response.isEmpty() && leaseExpiresAt.isBefore(now);
    }
}
