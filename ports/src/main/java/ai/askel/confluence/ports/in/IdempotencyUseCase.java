package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.ContentHash;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.ports.out.IdempotencyRecord.StoredResponse;

/** Idempotency keys for the HTTP API's POSTs: same key and same request, same response. */
public interface IdempotencyUseCase {
    /**
     * Claims the key for this request, or answers the stored response of the same request.
     * The same key with a different request hash raises {@code ErrorCode.IDEMPOTENCY_KEY_REUSED};
     * the same key while the first request is still running raises {@code ErrorCode.CONFLICT}.
     */
    IdempotencyDecision begin(WorkspaceId workspace, String key, ContentHash requestHash);

    /** Stores the response of a claimed request. */
    void complete(WorkspaceId workspace, String key, StoredResponse response);

    /** Releases the claim of a request that failed, so the same key may be tried again. */
    void release(WorkspaceId workspace, String key);
}
