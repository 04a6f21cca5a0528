package ai.askel.confluence.adapter.persistence;

import java.time.Instant;

/** A row of {@code drift_finding}; {@code pageId} is {@link #NO_PAGE} for findings about the whole connection. */
record DriftFindingRow(Long id, String connectionId, String pageId, String kind, String detail, Instant firstSeen, Instant lastSeen,
                       Instant resolvedAt, Instant acknowledgedAt) {
    static final String NO_PAGE = "";
}
