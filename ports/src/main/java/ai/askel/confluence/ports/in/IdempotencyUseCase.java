package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.ContentHash;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.ports.out.IdempotencyRecord.StoredResponse;
import java.time.Duration;

/** Idempotency keys for the HTTP API's POSTs: same key and same request, same response. */
public interface IdempotencyUseCase {
    /**
     * Claims the key for this request, or answers the stored response of the same request.
     * The same key with a different request hash raises {@code ErrorCode.IDEMPOTENCY_KEY_REUSED};
     * the same key while the first request is still running raises {@code ErrorCode.CONFLICT}. A first
     * request that stopped renewing its claim (its process died) has abandoned the key: this request
     * takes it over and runs.
     */
    IdempotencyDecision begin(WorkspaceId workspace, String key, ContentHash requestHash);

    /**
     * Extends the claim of a request that is still running; call it every {@link #renewalInterval()}
     * until the request completes or is released.
     */
    void renew(WorkspaceId workspace, String key);

    /** How often a running request renews its claim (a third of the lease, so two renewals may fail in a row). */
    Duration renewalInterval();

    /** Stores the response of a claimed request. */
    void complete(WorkspaceId workspace, String key, StoredResponse response);

    /** Releases the claim of a request that failed, so the same key may be tried again. */
    void release(WorkspaceId workspace, String key);
}
