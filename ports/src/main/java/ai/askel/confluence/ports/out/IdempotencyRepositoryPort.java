package ai.askel.confluence.ports.out;

import ai.askel.confluence.domain.ContentHash;
import ai.askel.confluence.domain.WorkspaceId;
import java.time.Instant;
import java.util.Optional;

/** Idempotency records, one per (workspace, key). */
public interface IdempotencyRepositoryPort {
    /** Claims the key for a new request; answers false (and changes nothing) if a record exists. */
    boolean tryClaim(IdempotencyRecord record);

    Optional<IdempotencyRecord> find(WorkspaceId workspace, String key);

    /**
     * Takes over an abandoned claim: succeeds (and extends the lease to {@code leaseExpiresAt}) only if the
     * record is still in progress with the same request hash and its lease ran out before {@code now}.
     * Of several callers at once, one succeeds.
     */
    boolean takeOver(WorkspaceId workspace, String key, ContentHash requestHash, Instant now, Instant leaseExpiresAt);

    /** Extends the lease of an in-progress claim; answers false if it is no longer in progress. */
    boolean renew(WorkspaceId workspace, String key, Instant leaseExpiresAt);

    /** Stores the response of the claimed request. */
    void complete(WorkspaceId workspace, String key, IdempotencyRecord.StoredResponse response);

    /** Releases a claim whose request failed before it changed anything, so it may be retried. */
    void release(WorkspaceId workspace, String key);

    /** Deletes records that expired before {@code now}; answers how many. */
    int deleteExpired(Instant now);
}
