package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Attachment;
import ai.askel.confluence.domain.AttachmentId;
import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.ConnectionStatus;
import ai.askel.confluence.domain.CqlQuery;
import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.PageSummary;
import ai.askel.confluence.domain.PublishedAttachment;
import ai.askel.confluence.domain.PublishedState;
import ai.askel.confluence.domain.Runbook;
import ai.askel.confluence.domain.RunbookStatus;
import ai.askel.confluence.domain.Slice;
import ai.askel.confluence.domain.Space;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.Version;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.ConflictException;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.CredentialsRejectedException;
import ai.askel.confluence.domain.error.PermissionDeniedException;
import ai.askel.confluence.ports.in.CheckDriftUseCase;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.out.ClockPort;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConfluenceAttachmentsPort;
import ai.askel.confluence.ports.out.ConfluencePagesPort;
import ai.askel.confluence.ports.out.ConfluencePermissionsPort;
import ai.askel.confluence.ports.out.ConfluenceSearchPort;
import ai.askel.confluence.ports.out.ConfluenceSpacesPort;
import ai.askel.confluence.ports.out.ConfluenceUsersPort;
import ai.askel.confluence.ports.out.ConnectionRepositoryPort;
import ai.askel.confluence.ports.out.DriftFindingRepositoryPort;
import ai.askel.confluence.ports.out.ManagedPage;
import ai.askel.confluence.ports.out.ManagedPageRepositoryPort;
import ai.askel.confluence.ports.out.RunbookRepositoryPort;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Scans a connection for drift ({@code docs/drift.md}). Per connection: the token's expiry
 * date, the credentials (1 call), the spaces with managed pages (1 call per 250 visible spaces), then
 * <b>one paged CQL query</b> over the managed labels in those spaces with version, labels and ancestors
 * expanded. From that listing alone it sees renames, moves and removed labels; only a page whose version
 * moved past the last one known to hold the connector's content is read in full, and its body compared
 * in canonical form, so a re-serialisation by Confluence is not an edit. Managed pages the listing lacks
 * (deleted, trashed, no longer labelled, or not indexed yet: the index lags writes) are read one by one,
 * so a page is reported deleted only on Confluence's direct answer. Runbooks with attachments the
 * connector wrote have their attachments listed (1 call each).
 *
 * <p>A finding is opened (or its last-seen time renewed) while its cause is there, and resolved once it
 * went away. Runbooks with open page findings are marked {@link RunbookStatus#DRIFTED}, and back to
 * {@link RunbookStatus#PUBLISHED} once those resolve.
 */
public final class CheckDriftService implements CheckDriftUseCase {
    /** Results asked for per CQL request; where Confluence serves fewer, the scan follows the next link. */
    static final int SEARCH_PAGE_SIZE = 250;
    private static final int SPACES_PAGE_SIZE = 250;

    private final ConnectionLookup lookup;
    private final ConnectionRepositoryPort connections;
    private final ConfluenceUsersPort users;
    private final ConfluencePagesPort pages;
    private final ConfluenceSearchPort search;
    private final ConfluenceSpacesPort spaces;
    private final ConfluenceAttachmentsPort attachments;
    private final ConfluencePermissionsPort permissions;
    private final ManagedPageRepositoryPort managedPages;
    private final RunbookRepositoryPort runbooks;
    private final DriftFindingRepositoryPort findings;
    private final ClockPort clock;
    private final UseCaseSettings settings;

    @Inject
    public CheckDriftService(ConnectionLookup lookup, ConnectionRepositoryPort connections, ConfluenceUsersPort users,
                             ConfluencePagesPort pages, ConfluenceSearchPort search, ConfluenceSpacesPort spaces,
                             ConfluenceAttachmentsPort attachments, ConfluencePermissionsPort permissions,
                             ManagedPageRepositoryPort managedPages, RunbookRepositoryPort runbooks,
                             DriftFindingRepositoryPort findings, ClockPort clock, UseCaseSettings settings) {
        this.lookup = lookup;
        this.connections = connections;
        this.users = users;
        this.pages = pages;
        this.search = search;
        this.spaces = spaces;
        this.attachments = attachments;
        this.permissions = permissions;
        this.managedPages = managedPages;
        this.runbooks = runbooks;
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
                    "Confluence rejects the API token of %s (or treats it as anonymous); rotate the credentials".formatted(connection.email()));
            if (connection.status() != ConnectionStatus.CREDENTIALS_REJECTED) {
                connections.save(connection.rejected(scan.now));
            }
            return findings.listOpen(connection.id());
        }
        new PageScan(access, scan, managedPages.listByConnection(connection.id())).run();
        return findings.listOpen(connection.id());
    }

    @Override
    public List<DriftFinding> scanAll() {
        List<DriftFinding> open = new ArrayList<>();
        for (Connection connection : connections.listAll()) {
            try {
                open.addAll(scan(new ConnectionRef(connection.workspace(), connection.id())));
            } catch (ConnectorException e) {
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
        Optional<String> warning = TokenExpiry.warning(connection, scan.now, settings.tokenExpiryWarning());
        if (warning.isPresent()) {
            scan.seen(Optional.empty(), DriftKind.TOKEN_EXPIRING, warning.get());
        } else {
            scan.resolve(Optional.empty(), DriftKind.TOKEN_EXPIRING);
        }
    }

    /**
     * The labels to search by: few labels covering every managed runbook page (greedy set cover, in
     * practice one label such as {@code auto-generated}). A runbook that lost them all is simply
     * missing from the listing and read on its own.
     */
    static Set<Label> coveringLabels(List<ManagedPage> managed) {
        List<Set<Label>> uncovered = managed.stream().map(ManagedPage::labels).filter(l -> !l.isEmpty())
                .map(HashSet::new).collect(Collectors.toCollection(ArrayList::new));
        Set<Label> cover = new TreeSet<>();
        while (!uncovered.isEmpty()) {
            Map<Label, Long> counts = uncovered.stream().flatMap(Set::stream)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            Label best = counts.entrySet().stream()
                    .max(Map.Entry.<Label, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .orElseThrow().getKey();
            cover.add(best);
            uncovered.removeIf(labels -> labels.contains(best));
        }
        return cover;
    }

    /** What Confluence shows of a managed page: from the CQL listing, or from a direct read. */
    private record Observed(Title title, Optional<PageId> parentId, Set<Label> labels, Version version, Optional<Page> page) {
        static Observed of(PageSummary s) {
            return new Observed(s.title(), s.parentId(), s.labels(), s.version().number(), Optional.empty());
        }

        static Observed of(Page p) {
            return new Observed(p.title(), p.parentId(), p.labels(), p.version().number(), Optional.of(p));
        }
    }

    /** The page checks of one connection's scan. */
    private final class PageScan {
        private final ConfluenceAccess access;
        private final Scan scan;
        private final List<ManagedPage> managed;
        private final Map<PageId, Runbook> runbooksByPage = new HashMap<>();
        private final Set<SpaceKey> unreadableSpaces = new TreeSet<>(Comparator.comparing(SpaceKey::value));
        private final Set<PageId> drifted = new HashSet<>();
        /** Pages this scan could check: only their runbooks' statuses are brought up to date. */
        private final Set<PageId> checked = new HashSet<>();
        /** One managed page seen in each space: where the scan asks whether the user may still edit. */
        private final Map<SpaceKey, PageId> presentBySpace = new HashMap<>();

        PageScan(ConfluenceAccess access, Scan scan, List<ManagedPage> managed) {
            this.access = access;
            this.scan = scan;
            this.managed = managed;
        }

        void run() {
            Set<SpaceKey> managedSpaces = managed.stream().map(ManagedPage::space).collect(Collectors.toCollection(LinkedHashSet::new));
            Set<SpaceKey> missingSpaces = missingSpaces(managedSpaces);
            long unchecked = managed.stream().filter(m -> missingSpaces.contains(m.space())).count();
            scan.check(Optional.empty(), DriftKind.SPACE_MISSING, !missingSpaces.isEmpty(), () -> ("%s: deleted, or no longer visible to %s "
                    + "(Confluence answers both the same way); %d managed pages there cannot be checked")
                    .formatted(keys(missingSpaces), access.email(), unchecked));
            resolveFindingsOfPagesNoLongerManaged();
            if (managed.isEmpty()) {
                scan.resolve(Optional.empty(), DriftKind.PERMISSION_LOST);
                return;
            }
            runbooks.listByConnection(scan.connection).forEach(r -> r.pageId().ifPresent(p -> runbooksByPage.put(p, r)));
            List<ManagedPage> visible = managed.stream().filter(m -> !missingSpaces.contains(m.space())).toList();
            Map<PageId, PageSummary> listed = list(visible);
            for (ManagedPage page : visible) {
                try {
                    check(page, Optional.ofNullable(listed.get(page.pageId())));
                    checked.add(page.pageId());
                } catch (PermissionDeniedException e) {
                    unreadableSpaces.add(page.space());
                }
            }
            Set<SpaceKey> readOnly = readOnlySpaces();
            readOnly.removeAll(unreadableSpaces);
            List<String> lost = new ArrayList<>();
            if (!unreadableSpaces.isEmpty()) {
                lost.add("may no longer read managed pages in " + keys(unreadableSpaces));
            }
            if (!readOnly.isEmpty()) {
                lost.add("may read but no longer edit managed pages in " + keys(readOnly));
            }
            scan.check(Optional.empty(), DriftKind.PERMISSION_LOST, !lost.isEmpty(),
                    () -> "%s %s; publishing there will fail".formatted(access.email(), String.join(", and ", lost)));
            updateRunbookStatuses();
        }

        /** A page the connector no longer manages (a deleted runbook page created again elsewhere) has no drift left. */
        private void resolveFindingsOfPagesNoLongerManaged() {
            Set<PageId> managedIds = managed.stream().map(ManagedPage::pageId).collect(Collectors.toSet());
            findings.listOpen(scan.connection).stream()
                    .filter(f -> f.pageId().isPresent() && !managedIds.contains(f.pageId().get()))
                    .forEach(f -> scan.resolve(f.pageId(), f.kind()));
        }

        /**
         * The spaces where the user may read but not edit: one {@code GET /pages/{id}/operations} per space, on a
         * managed page seen in it (a read: probing with a write would change the customer's page).
         */
        private Set<SpaceKey> readOnlySpaces() {
            Set<SpaceKey> readOnly = new TreeSet<>(Comparator.comparing(SpaceKey::value));
            presentBySpace.forEach((space, page) -> permissions.pageOperations(access, page)
                    .filter(ops -> !ops.contains(ConfluencePermissionsPort.UPDATE))
                    .ifPresent(ops -> readOnly.add(space)));
            return readOnly;
        }

        /** The managed spaces the connection's user cannot see (listing its visible spaces: 1 call per 250). */
        private Set<SpaceKey> missingSpaces(Set<SpaceKey> wanted) {
            Set<SpaceKey> missing = new HashSet<>(wanted);
            Optional<String> cursor = Optional.empty();
            Set<String> seen = new HashSet<>();
            while (!missing.isEmpty()) {
                Slice<Space> slice = spaces.listSpaces(access, SPACES_PAGE_SIZE, cursor);
                slice.items().forEach(s -> missing.remove(s.key()));
                cursor = slice.nextCursor();
                if (cursor.isEmpty() || slice.items().isEmpty() || !seen.add(cursor.get())) {
                    break;
                }
            }
            Set<SpaceKey> sorted = new TreeSet<>(Comparator.comparing(SpaceKey::value));
            sorted.addAll(missing);
            return sorted;
        }

        /** The one paged CQL query: managed labels in the managed spaces, with versions, labels and ancestors. */
        private Map<PageId, PageSummary> list(List<ManagedPage> visible) {
            Set<Label> labels = coveringLabels(visible);
            Map<PageId, PageSummary> listed = new HashMap<>();
            if (labels.isEmpty()) {
                return listed;
            }
            Set<SpaceKey> inSpaces = visible.stream().map(ManagedPage::space)
                    .collect(Collectors.toCollection(() -> new TreeSet<>(Comparator.comparing(SpaceKey::value))));
            CqlQuery.Builder query = CqlQuery.builder().type("page");
            query = inSpaces.size() == 1 ? query.space(inSpaces.iterator().next()) : query.spaces(inSpaces);
            query = labels.size() == 1 ? query.label(labels.iterator().next()) : query.labels(labels);
            try (Stream<PageSummary> results = search.stream(access, query.build(), SEARCH_PAGE_SIZE)) {
                results.forEach(s -> listed.put(s.id(), s));
            }
            return listed;
        }

        private void check(ManagedPage managed, Optional<PageSummary> listed) {
            Optional<PageId> pageId = Optional.of(managed.pageId());
            Observed seen;
            if (listed.isPresent()) {
                seen = Observed.of(listed.get());
            } else {
                // not in the listing: deleted, trashed, unlabelled, or not indexed yet; only a direct read can tell
                Optional<Page> read = pages.read(access, managed.pageId());
                if (read.isEmpty()) {
                    seen(pageId, DriftKind.DELETED, "page %s '%s' is gone from space %s (deleted or in the trash)"
                            .formatted(managed.pageId(), managed.title(), managed.space()));
                    return;
                }
                seen = Observed.of(read.get());
            }
            scan.resolve(pageId, DriftKind.DELETED);
            presentBySpace.putIfAbsent(managed.space(), managed.pageId());

            check(pageId, DriftKind.RENAMED, !seen.title().equals(managed.title()),
                    () -> "page %s was renamed from '%s' to '%s'".formatted(managed.pageId(), managed.title(), seen.title()));
            check(pageId, DriftKind.MOVED, managed.parentId().isPresent() && !seen.parentId().equals(managed.parentId()),
                    () -> "page %s '%s' was moved from under page %s to %s".formatted(managed.pageId(), managed.title(),
                            managed.parentId().orElseThrow(), seen.parentId().map(p -> "under page " + p).orElse("the top of the space")));
            Set<Label> removed = new TreeSet<>(managed.labels());
            removed.removeAll(seen.labels());
            check(pageId, DriftKind.LABELS_REMOVED, !removed.isEmpty(), () -> "labels removed from page %s '%s': %s"
                    .formatted(managed.pageId(), managed.title(), removed.stream().map(Label::name).collect(Collectors.joining(", "))));
            checkEdit(managed, seen);
            Runbook runbook = runbooksByPage.get(managed.pageId());
            if (managed.role() == ManagedPage.Role.RUNBOOK && runbook != null) {
                runbook.published().filter(p -> !p.attachments().isEmpty()).ifPresent(state -> checkAttachments(state));
            }
        }

        /**
         * An edit: the version moved past the last one known to hold the connector's content, and the
         * body differs in canonical form. A version that moved without a change of content (a rename, a
         * re-save) becomes the new baseline, so that page is not read again next time. The content of an
         * adopted parent (a customer's page) is not the connector's, so it is not compared.
         */
        private void checkEdit(ManagedPage managed, Observed seen) {
            Optional<PageId> pageId = Optional.of(managed.pageId());
            if (!managed.ownsContent() || !managed.baseline().mayBeEditedAt(seen.version())) {
                scan.resolve(pageId, DriftKind.EDITED_IN_CONFLUENCE);
                return;
            }
            Page page = seen.page().isPresent() ? seen.page().get() : pages.read(access, managed.pageId()).orElse(null);
            if (page == null) {
                return; // deleted between the listing and the read: the next scan reports it
            }
            boolean edited = managed.baseline().isEditedBy(page.version().number(), ContentFingerprint.of(managed.title(), page.body()));
            if (edited) {
                seen(pageId, DriftKind.EDITED_IN_CONFLUENCE, "page %s '%s' was edited in Confluence: version %s, the connector published version %s%s"
                        .formatted(managed.pageId(), managed.title(), page.version().number(), managed.version(),
                                page.version().authorId().map(a -> " (last edit by account " + a + ")").orElse("")));
            } else {
                scan.resolve(pageId, DriftKind.EDITED_IN_CONFLUENCE);
                managedPages.save(new ManagedPage(managed.connection(), managed.pageId(), managed.space(), managed.title(), managed.parentId(),
                        managed.role(), managed.runbook(), page.version().number(), managed.contentHash(), managed.labels(), scan.now));
            }
        }

        /** The attachments the connector wrote: gone (by id), or replaced (same id, another size, or another file under the name). */
        private void checkAttachments(PublishedState state) {
            Optional<PageId> pageId = Optional.of(state.pageId());
            Map<AttachmentId, Attachment> present = attachments.list(access, state.pageId()).stream()
                    .collect(Collectors.toMap(Attachment::id, a -> a, (a, b) -> a));
            Map<String, Attachment> byName = present.values().stream().collect(Collectors.toMap(Attachment::fileName, a -> a, (a, b) -> a));
            List<String> missing = new ArrayList<>();
            List<String> replaced = new ArrayList<>();
            for (PublishedAttachment written : state.attachments()) {
                Attachment now = present.get(written.attachmentId());
                if (now == null) {
                    if (byName.containsKey(written.fileName())) {
                        replaced.add(written.fileName() + " (now attachment " + byName.get(written.fileName()).id().value() + ")");
                    } else {
                        missing.add(written.fileName());
                    }
                } else if (now.size() != written.size() || !now.fileName().equals(written.fileName())) {
                    replaced.add("%s (%d bytes written, now '%s' version %s, %d bytes)".formatted(written.fileName(), written.size(),
                            now.fileName(), now.version(), now.size()));
                }
            }
            check(pageId, DriftKind.ATTACHMENT_MISSING, !missing.isEmpty(),
                    () -> "attachments gone from page %s: %s".formatted(state.pageId(), String.join(", ", missing)));
            check(pageId, DriftKind.ATTACHMENT_REPLACED, !replaced.isEmpty(),
                    () -> "attachments replaced on page %s: %s".formatted(state.pageId(), String.join(", ", replaced)));
        }

        private void check(Optional<PageId> page, DriftKind kind, boolean present, Supplier<String> detail) {
            if (present) {
                seen(page, kind, detail.get());
            } else {
                scan.resolve(page, kind);
            }
        }

        private void seen(Optional<PageId> page, DriftKind kind, String detail) {
            page.ifPresent(drifted::add);
            scan.seen(page, kind, detail);
        }

        /** DRIFTED while a runbook's page has open findings, PUBLISHED again once they resolved. */
        private void updateRunbookStatuses() {
            for (Runbook runbook : runbooksByPage.values()) {
                PageId page = runbook.pageId().orElseThrow();
                if (!checked.contains(page)) {
                    continue;
                }
                boolean drift = drifted.contains(page);
                RunbookStatus wanted = drift ? RunbookStatus.DRIFTED : RunbookStatus.PUBLISHED;
                boolean settled = runbook.status() == RunbookStatus.PUBLISHED || runbook.status() == RunbookStatus.DRIFTED;
                if (settled && runbook.status() != wanted) {
                    try {
                        runbooks.update(runbook.scanned(drift));
                    } catch (ConflictException e) {
                        // a publish saved it meanwhile: its own outcome is the newer truth
                    }
                }
            }
        }
    }

    private static String keys(Set<SpaceKey> spaces) {
        return (spaces.size() == 1 ? "space " : "spaces ") + spaces.stream().map(SpaceKey::value).collect(Collectors.joining(", "));
    }

    /** One scan's findings: opened or renewed while seen, resolved once their cause went away. */
    private final class Scan {
        private final ConnectionId connection;
        private final Instant now;

        Scan(ConnectionId connection, Instant now) {
            this.connection = connection;
            this.now = now;
        }

        void check(Optional<PageId> page, DriftKind kind, boolean present, Supplier<String> detail) {
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
