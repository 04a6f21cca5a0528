package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.ports.out.DriftFindingRepositoryPort;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The findings of one connection's scan: opened (or renewed) while their cause is seen, resolved once it
 * went away. Remembers which pages it saw drift on, so their runbooks' statuses can follow.
 */
final class DriftLedger {
    private final DriftFindingRepositoryPort findings;
    private final ConnectionId connection;
    private final Instant now;
    private final Set<PageId> drifted = new HashSet<>();

    DriftLedger(DriftFindingRepositoryPort findings, ConnectionId connection, Instant now) {
        this.findings = findings;
        this.connection = connection;
        this.now = now;
    }

    ConnectionId connection() {
        return connection;
    }

    Instant now() {
        return now;
    }

    void check(Optional<PageId> page, DriftKind kind, boolean present, Supplier<String> detail) {
        if (present) {
            seen(page, kind, detail.get());
        } else {
            resolve(page, kind);
        }
    }

    void seen(Optional<PageId> page, DriftKind kind, String detail) {
        DriftFinding stored = findings.recordSeen(DriftFinding.seen(connection, page, kind, detail, now));
        if (stored.needsAttention()) {
            page.ifPresent(drifted::add);
        }
    }

    void resolve(Optional<PageId> page, DriftKind kind) {
        findings.resolve(connection, page, kind, now);
    }

    /** Whether this scan saw drift on the page that nobody acknowledged. */
    boolean drifted(PageId page) {
        return drifted.contains(page);
    }
}
