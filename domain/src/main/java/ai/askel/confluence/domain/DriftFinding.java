package ai.askel.confluence.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing found changed in a customer's Confluence, with when it was first and last seen and,
 * once the cause went away, when it resolved. A finding is identified by its connection, its page
 * (for page findings) and its kind.
 */
public record DriftFinding(ConnectionId connection, Optional<PageId> pageId, DriftKind kind, String detail,
                           Instant firstSeen, Instant lastSeen, Optional<Instant> resolvedAt) {
    public DriftFinding {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(pageId, "pageId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
        if (kind.concernsPage() != pageId.isPresent()) {
            throw new IllegalArgumentException(kind + (kind.concernsPage() ? " needs" : " takes no") + " page id");
        }
    }

    public static DriftFinding seen(ConnectionId connection, Optional<PageId> pageId, DriftKind kind, String detail, Instant at) {
        return new DriftFinding(connection, pageId, kind, detail, at, at, Optional.empty());
    }

    public boolean isOpen() {
        return resolvedAt.isEmpty();
    }
}
