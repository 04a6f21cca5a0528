package ai.askel.confluence.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing found changed in a customer's Confluence, with when it was first and last seen and,
 * once the cause went away (or a person acted on it), when it resolved. While open, a finding is
 * unique per connection, page (for page findings) and kind; once stored it has an {@link #id()}.
 * An acknowledged finding stays open but muted until what the scan sees changes again.
 */
public record DriftFinding(Optional<DriftFindingId> id, ConnectionId connection, Optional<PageId> pageId, DriftKind kind,
                           String detail, Instant firstSeen, Instant lastSeen, Optional<Instant> resolvedAt,
                           Optional<Instant> acknowledgedAt) {
    public DriftFinding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(pageId, "pageId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
        Objects.requireNonNull(acknowledgedAt, "acknowledgedAt");
        if (kind.concernsPage() != pageId.isPresent()) {
            throw new IllegalArgumentException(kind + (kind.concernsPage() ? " needs" : " takes no") + " page id");
        }
    }

    /** A finding not stored yet, never acknowledged. */
    public DriftFinding(ConnectionId connection, Optional<PageId> pageId, DriftKind kind, String detail, Instant firstSeen,
                        Instant lastSeen, Optional<Instant> resolvedAt) {
        this(Optional.empty(), connection, pageId, kind, detail, firstSeen, lastSeen, resolvedAt, Optional.empty());
    }

    public static DriftFinding seen(ConnectionId connection, Optional<PageId> pageId, DriftKind kind, String detail, Instant at) {
        return new DriftFinding(connection, pageId, kind, detail, at, at, Optional.empty());
    }

    public boolean isOpen() {
        return resolvedAt.isEmpty();
    }

    /** Open and not muted by an acknowledgement: what alerts, fails {@code drift}'s exit code and marks a runbook drifted. */
    public boolean needsAttention() {
        return isOpen() && acknowledgedAt.isEmpty();
    }

    /** The same finding as stored, under its id. */
    public DriftFinding stored(DriftFindingId storedId) {
        return new DriftFinding(Optional.of(storedId), connection, pageId, kind, detail, firstSeen, lastSeen, resolvedAt, acknowledgedAt);
    }
}
