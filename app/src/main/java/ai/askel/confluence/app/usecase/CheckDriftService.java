package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.ConnectionStatus;
import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.CredentialsRejectedException;
import ai.askel.confluence.domain.error.PermissionDeniedException;
import ai.askel.confluence.ports.in.CheckDriftUseCase;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.out.ClockPort;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConfluencePagesPort;
import ai.askel.confluence.ports.out.ConfluenceUsersPort;
import ai.askel.confluence.ports.out.ConnectionRepositoryPort;
import ai.askel.confluence.ports.out.DriftFindingRepositoryPort;
import ai.askel.confluence.ports.out.ManagedPage;
import ai.askel.confluence.ports.out.ManagedPageRepositoryPort;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Scans a connection for drift: the credentials (and the token's expiry date), then every managed
 * page read back from Confluence and compared with what was last written. A finding is opened (or
 * its last-seen time renewed) while its cause is there, and resolved once it went away.
 *
 * <p>This scan reads each managed page (one call per page); a single paged CQL query over the
 * managed label will replace it for large sites.
 */
public final class CheckDriftService implements CheckDriftUseCase {
    private final ConnectionLookup lookup;
    private final ConnectionRepositoryPort connections;
    private final ConfluenceUsersPort users;
    private final ConfluencePagesPort pages;
    private final ManagedPageRepositoryPort managedPages;
    private final DriftFindingRepositoryPort findings;
    private final ClockPort clock;
    private final UseCaseSettings settings;

    @Inject
    public CheckDriftService(ConnectionLookup lookup, ConnectionRepositoryPort connections, ConfluenceUsersPort users,
                             ConfluencePagesPort pages, ManagedPageRepositoryPort managedPages, DriftFindingRepositoryPort findings,
                             ClockPort clock, UseCaseSettings settings) {
        this.lookup = lookup;
        this.connections = connections;
        this.users = users;
        this.pages = pages;
        this.managedPages = managedPages;
        this.findings = findings;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public List<DriftFinding> scan(ConnectionRef ref) {
        Connection connection = lookup.connection(ref);
        Scan scan = new Scan(connection.id(), clock.now());
        checkTokenExpiry(connection, scan);
        ConfluenceAccess access = ConfluenceAccess.of(connection);
        try {
            String accountId = users.currentUser(access).accountId();
            scan.resolve(Optional.empty(), DriftKind.CREDENTIALS_REJECTED);
            if (connection.status() != ConnectionStatus.ACTIVE || !connection.accountId().equals(Optional.of(accountId))) {
                connections.save(connection.verified(accountId, scan.now));
            }
        } catch (CredentialsRejectedException e) {
            scan.seen(Optional.empty(), DriftKind.CREDENTIALS_REJECTED,
                    "Confluence rejects the API token of %s; rotate the credentials".formatted(connection.email()));
            if (connection.status() != ConnectionStatus.CREDENTIALS_REJECTED) {
                connections.save(connection.rejected(scan.now));
            }
            return findings.listOpen(connection.id());
        }
        boolean permissionLost = false;
        for (ManagedPage managed : managedPages.listByConnection(connection.id())) {
            try {
                checkPage(access, managed, scan);
            } catch (PermissionDeniedException e) {
                permissionLost = true;
            }
        }
        if (permissionLost) {
            scan.seen(Optional.empty(), DriftKind.PERMISSION_LOST, "the connection's user may no longer read some managed pages");
        } else {
            scan.resolve(Optional.empty(), DriftKind.PERMISSION_LOST);
        }
        return findings.listOpen(connection.id());
    }

    @Override
    public List<DriftFinding> scanAll() {
        List<DriftFinding> open = new java.util.ArrayList<>();
        for (Connection connection : connections.listAll()) {
            try {
                open.addAll(scan(new ConnectionRef(connection.workspace(), connection.id())));
            } catch (ai.askel.confluence.domain.error.ConnectorException e) {
                // one unreachable site must not stop the scan of the others; its findings stay as last recorded
                open.addAll(findings.listOpen(connection.id()));
            }
        }
        return open;
    }

    @Override
    public List<DriftFinding> openFindings(ConnectionRef ref) {
        return findings.listOpen(lookup.connection(ref).id());
    }

    @Override
    public List<DriftFinding> openFindings(WorkspaceId workspace) {
        return findings.listOpen(workspace);
    }

    private void checkTokenExpiry(Connection connection, Scan scan) {
        LocalDate today = LocalDate.ofInstant(scan.now, ZoneOffset.UTC);
        LocalDate warnFrom = today.plusDays(settings.tokenExpiryWarning().toDays());
        Optional<LocalDate> expiry = connection.tokenExpiresOn().filter(date -> !date.isAfter(warnFrom));
        if (expiry.isPresent()) {
            String when = expiry.get().isBefore(today) ? "expired on " : "expires on ";
            scan.seen(Optional.empty(), DriftKind.TOKEN_EXPIRING, "the API token " + when + expiry.get() + "; rotate it");
        } else {
            scan.resolve(Optional.empty(), DriftKind.TOKEN_EXPIRING);
        }
    }

    private void checkPage(ConfluenceAccess access, ManagedPage managed, Scan scan) {
        Optional<PageId> pageId = Optional.of(managed.pageId());
        Optional<Page> remote = pages.read(access, managed.pageId());
        if (remote.isEmpty()) {
            scan.seen(pageId, DriftKind.DELETED, "page %s '%s' is gone from space %s".formatted(managed.pageId(), managed.title(), managed.space()));
            return;
        }
        scan.resolve(pageId, DriftKind.DELETED);
        Page page = remote.get();

        scan.check(pageId, DriftKind.RENAMED, !page.title().equals(managed.title()),
                () -> "page %s was renamed from '%s' to '%s'".formatted(managed.pageId(), managed.title(), page.title()));
        scan.check(pageId, DriftKind.MOVED, managed.parentId().isPresent() && !page.parentId().equals(managed.parentId()),
                () -> "page %s '%s' was moved from under page %s to %s".formatted(managed.pageId(), managed.title(),
                        managed.parentId().orElseThrow(), page.parentId().map(p -> "under page " + p).orElse("the top of the space")));
        if (managed.role() == ManagedPage.Role.RUNBOOK) {
            Set<Label> removed = new TreeSet<>(managed.labels());
            removed.removeAll(page.labels());
            scan.check(pageId, DriftKind.LABELS_REMOVED, !removed.isEmpty(),
                    () -> "labels removed from page %s: %s".formatted(managed.pageId(),
                            removed.stream().map(Label::name).collect(Collectors.joining(", "))));
            boolean edited = page.version().number().isAfter(managed.version())
                    && !ContentFingerprint.of(managed.title(), page.body()).equals(managed.contentHash());
            scan.check(pageId, DriftKind.EDITED_IN_CONFLUENCE, edited,
                    () -> "page %s '%s' was edited in Confluence: version %s, the connector published version %s%s".formatted(
                            managed.pageId(), managed.title(), page.version().number(), managed.version(),
                            page.version().authorId().map(a -> " (last edit by account " + a + ")").orElse("")));
        }
    }

    /** One scan's findings: opened or renewed while seen, resolved once their cause went away. */
    private final class Scan {
        private final ConnectionId connection;
        private final Instant now;

        Scan(ConnectionId connection, Instant now) {
            this.connection = connection;
            this.now = now;
        }

        void check(Optional<PageId> page, DriftKind kind, boolean present, java.util.function.Supplier<String> detail) {
            if (present) {
                seen(page, kind, detail.get());
            } else {
                resolve(page, kind);
            }
        }

        void seen(Optional<PageId> page, DriftKind kind, String detail) {
            findings.recordSeen(DriftFinding.seen(connection, page, kind, detail, now));
        }

        void resolve(Optional<PageId> page, DriftKind kind) {
            findings.resolve(connection, page, kind, now);
        }
    }
}
