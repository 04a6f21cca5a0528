package ai.askel.confluence.ports.out;

import ai.askel.confluence.domain.ContentHash;
import ai.askel.confluence.domain.WorkspaceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the connector remembers of a request sent with an {@code Idempotency-Key}: a hash of the
 * request, and once it completed, the response to give again. No response yet means in progress.
 */
public record IdempotencyRecord(WorkspaceId workspace, String key, ContentHash requestHash, Optional<StoredResponse> response,
                                Instant createdAt, Instant expiresAt) {
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
    }
}
