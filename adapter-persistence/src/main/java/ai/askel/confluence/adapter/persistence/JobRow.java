package ai.askel.confluence.adapter.persistence;

import java.time.Instant;

/** A row of {@code job}. */
record JobRow(String id, String workspaceId, String connectionId, String kind, int total, String idempotencyKey, Instant submittedAt,
              Instant cancelRequestedAt, Instant finishedAt) {
}
