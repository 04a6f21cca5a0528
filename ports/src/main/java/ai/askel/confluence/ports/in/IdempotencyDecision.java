package ai.askel.confluence.ports.in;

import ai.askel.confluence.ports.out.IdempotencyRecord.StoredResponse;
import java.util.Objects;
import java.util.Optional;

/**
 * What to do with a request that carries an {@code Idempotency-Key}: run it (the key is now claimed),
 * or replay the stored response. A key reused with a different request, or one whose first request is
 * still running, raises an error instead.
 */
public record IdempotencyDecision(Optional<StoredResponse> replay) {
    public IdempotencyDecision {
        Objects.requireNonNull(replay, "replay");
    }

    public static IdempotencyDecision proceed() {
        return new IdempotencyDecision(Optional.empty());
    }

    public boolean shouldProceed() {
        return replay.isEmpty();
    }
}
