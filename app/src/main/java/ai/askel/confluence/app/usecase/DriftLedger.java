package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.ports.out.DriftFindingRepositoryPort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The findings of one connection's scan: opened (or renewed) while their cause is seen, resolved once it
 * went away. Remembers which pages it saw drift on, so their runbooks' statuses can follow. A finding whose words name a
 * person waits until the scan has looked up the names of all of them at once ({@link #recordNamed}).
 */
final class DriftLedger {
    private final DriftFindingRepositoryPort findings;
    private final ConnectionId connection;
    private final String connectionName;
    private final Instant now;
    private final Set<PageId> drifted = new HashSet<>();
    private final List<Named> toName = new ArrayList<>();

    /** A finding seen, whose detail names the people behind account ids. */
    private record Named(Optional<PageId> page, DriftKind kind, Set<String> accountIds, Function<UnaryOperator<String>, String> detail) {
    }

    DriftLedger(DriftFindingRepositoryPort findings, ConnectionId connection, String connectionName, Instant now) {
        this.findings = findings;
        this.connection = connection;
        this.connectionName = connectionName;
        this.now = now;
    }

    ConnectionId connection() {
        return connection;
    }

    /** How connection-level findings name the connection: "connection 'acme'". */
    String connectionLabel() {
        return "connection '" + connectionName + "'";
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

    /** Seen, with words that name the account's owner: recorded by {@link #recordNamed}, once the names are known. */
    void seenBy(Optional<PageId> page, DriftKind kind, String accountId, Function<String, String> detail) {
        seenBy(page, kind, Set.of(accountId), names -> detail.apply(names.apply(accountId)));
    }

    /** Seen, with words that name the owners of these accounts (given how to call each). */
    void seenBy(Optional<PageId> page, DriftKind kind, Set<String> accountIds, Function<UnaryOperator<String>, String> detail) {
        if (accountIds.isEmpty()) {
            seen(page, kind, detail.apply(UnaryOperator.identity()));
        } else {
            toName.add(new Named(page, kind, Set.copyOf(accountIds), detail));
        }
    }

    /** The accounts whose owners the findings waiting for names name. */
    Set<String> accountsToName() {
        Set<String> ids = new TreeSet<>();
        toName.forEach(n -> ids.addAll(n.accountIds()));
        return ids;
    }

    /** Records the findings that waited for names, calling each account as {@code names} says. */
    void recordNamed(UnaryOperator<String> names) {
        toName.forEach(n -> seen(n.page(), n.kind(), n.detail().apply(names)));
        toName.clear();
    }

    void resolve(Optional<PageId> page, DriftKind kind) {
        findings.resolve(connection, page, kind, now);
    }

    /** Whether this scan saw drift on the page that nobody acknowledged. */
    boolean drifted(PageId page) {
        return drifted.contains(page);
    }
}
