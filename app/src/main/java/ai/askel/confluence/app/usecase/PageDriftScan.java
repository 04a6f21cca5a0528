package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Attachment;
import ai.askel.confluence.domain.ContentBaseline;
import ai.askel.confluence.domain.CqlQuery;
import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.PageLabels;
import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.PageSummary;
import ai.askel.confluence.domain.Runbook;
import ai.askel.confluence.domain.RunbookStatus;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.Version;
import ai.askel.confluence.domain.error.ConflictException;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.PermissionDeniedException;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConfluencePagesPort;
import ai.askel.confluence.ports.out.ConfluenceSearchPort;
import ai.askel.confluence.ports.out.ManagedPage;
import ai.askel.confluence.ports.out.ManagedPageRepositoryPort;
import ai.askel.confluence.ports.out.RunbookRepositoryPort;
import jakarta.inject.Inject;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The page checks of a connection's drift scan ({@code docs/drift.md}). One paged CQL query over the managed
 * labels in the managed spaces, with versions, labels, ancestors and each page's attachments expanded, shows
 * renames, moves, removed labels and replaced or deleted attachments without a call per page. Only a page whose
 * version moved past the last one known to hold the connector's content is read in full and compared in canonical
 * form. Managed pages the listing lacks (deleted, trashed, unlabelled, or not indexed yet) are read one by one, so a
 * page is reported deleted only on Confluence's direct answer.
 */
final class PageDriftScan {
    /** Results asked for per CQL request; where Confluence serves fewer, the scan follows the next link. */
    static final int SEARCH_PAGE_SIZE = 250;

    private final ConfluencePagesPort pages;
    private final ConfluenceSearchPort search;
    private final AttachmentDriftCheck attachmentDrift;
    private final ManagedPageRepositoryPort managedPages;
    private final RunbookRepositoryPort runbooks;
    private final SpaceAccessCheck spaceAccess;
    private final AccountNames names;

    @Inject
    PageDriftScan(ConfluencePagesPort pages, ConfluenceSearchPort search, AttachmentDriftCheck attachmentDrift,
                  ManagedPageRepositoryPort managedPages, RunbookRepositoryPort runbooks, SpaceAccessCheck spaceAccess,
                  AccountNames names) {
        this.pages = pages;
        this.search = search;
        this.attachmentDrift = attachmentDrift;
        this.managedPages = managedPages;
        this.runbooks = runbooks;
        this.spaceAccess = spaceAccess;
        this.names = names;
    }

    void run(ConfluenceAccess access, DriftLedger ledger, List<ManagedPage> managed, Set<PageId> openPageFindings) {
        new Run(access, ledger, managed).run(openPageFindings);
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
    private record Observed(Title title, Optional<PageId> parentId, Optional<Title> parentTitle, Set<Label> labels, Version version,
                            Optional<Page> page, Optional<List<Attachment>> attachments, Optional<String> webUrl) {
        static Observed of(PageSummary s) {
            return new Observed(s.title(), s.parentId(), s.parentTitle(), s.labels(), s.version().number(), Optional.empty(), s.attachments(),
                    s.webUrl());
        }

        static Observed of(Page p) {
            return new Observed(p.title(), p.parentId(), Optional.empty(), p.labels(), p.version().number(), Optional.of(p), Optional.empty(),
                    p.webUrl());
        }
    }

    /** One connection's page checks. */
    private final class Run {
        private final ConfluenceAccess access;
        private final DriftLedger ledger;
        private final List<ManagedPage> managed;
        private final Map<PageId, Runbook> runbooksByPage = new HashMap<>();
        private final Map<PageId, ManagedPage> managedById = new HashMap<>();
        private final Set<SpaceKey> unreadableSpaces = SpaceAccessCheck.sorted(Set.of());
        /** Pages this scan could check: only their runbooks' statuses are brought up to date. */
        private final Set<PageId> checked = new HashSet<>();
        /** One managed page seen in each space: where the scan asks whether the user may still edit. */
        private final Map<SpaceKey, PageId> presentBySpace = new HashMap<>();
        /** Parent pages found gone, with the managed pages Confluence moved up when the parent was trashed. */
        private final Map<PageId, List<String>> goneParents = new HashMap<>();
        /** Pages the connector does not manage, read in this scan (empty when gone): the former parent of a page found moved. */
        private final Map<PageId, Optional<Page>> readOnce = new HashMap<>();

        Run(ConfluenceAccess access, DriftLedger ledger, List<ManagedPage> managed) {
            this.access = access;
            this.ledger = ledger;
            this.managed = managed;
            managed.forEach(m -> managedById.put(m.pageId(), m));
        }

        void run(Set<PageId> openPageFindings) {
            Set<SpaceKey> managedSpaces = managed.stream().map(ManagedPage::space).collect(Collectors.toCollection(LinkedHashSet::new));
            Set<SpaceKey> missingSpaces = managedSpaces.isEmpty() ? Set.of() : spaceAccess.missingSpaces(access, managedSpaces);
            long unchecked = managed.stream().filter(m -> missingSpaces.contains(m.space())).count();
            ledger.check(Optional.empty(), DriftKind.SPACE_MISSING, !missingSpaces.isEmpty(), () -> ("%s: %s deleted, or no longer visible "
                    + "to %s (Confluence answers both the same way); %d managed pages there cannot be checked")
                    .formatted(ledger.connectionLabel(), keys(missingSpaces), access.email(), unchecked));
            // a page the connector no longer manages (a deleted runbook page created again elsewhere) has no drift left
            openPageFindings.stream().filter(p -> !managedById.containsKey(p)).forEach(this::resolveAll);
            if (managed.isEmpty()) {
                ledger.resolve(Optional.empty(), DriftKind.PERMISSION_LOST);
                return;
            }
            runbooks.listByConnection(ledger.connection()).forEach(r -> r.pageId().ifPresent(p -> runbooksByPage.put(p, r)));
            // parents (created or adopted) first: a trashed parent explains why its children moved
            List<ManagedPage> visible = managed.stream().filter(m -> !missingSpaces.contains(m.space()))
                    .sorted(Comparator.comparing((ManagedPage m) -> m.role() == ManagedPage.Role.RUNBOOK)).toList();
            Map<PageId, PageSummary> listed = list(visible);
            for (ManagedPage page : visible) {
                try {
                    check(page, Optional.ofNullable(listed.get(page.pageId())));
                    checked.add(page.pageId());
                } catch (PermissionDeniedException e) {
                    unreadableSpaces.add(page.space());
                }
            }
            // one lookup names the people of every finding that names one (none needed, no call)
            ledger.recordNamed(names.lookUp(access, ledger.accountsToName()));
            goneParents.forEach((parent, children) -> ledger.seen(Optional.of(parent), DriftKind.DELETED, parentGone(managedById.get(parent),
                    children)));
            Set<SpaceKey> readOnly = spaceAccess.readOnlySpaces(access, presentBySpace);
            readOnly.removeAll(unreadableSpaces);
            List<String> lost = new ArrayList<>();
            if (!unreadableSpaces.isEmpty()) {
                lost.add("may no longer read managed pages in " + keys(unreadableSpaces));
            }
            if (!readOnly.isEmpty()) {
                lost.add("may read but no longer edit managed pages in " + keys(readOnly));
            }
            ledger.check(Optional.empty(), DriftKind.PERMISSION_LOST, !lost.isEmpty(),
                    () -> "%s: %s %s; publishing there will fail".formatted(ledger.connectionLabel(), access.email(), String.join(", and ", lost)));
            updateRunbookStatuses();
        }

        private void resolveAll(PageId page) {
            resolveAllBut(page, null);
        }

        private void resolveAllBut(PageId page, DriftKind kept) {
            for (DriftKind kind : DriftKind.values()) {
                if (kind.concernsPage() && kind != kept) {
                    ledger.resolve(Optional.of(page), kind);
                }
            }
        }

        /** The one paged CQL query: managed labels in the managed spaces, with versions, labels, ancestors (and attachments). */
        private Map<PageId, PageSummary> list(List<ManagedPage> visible) {
            Set<Label> labels = coveringLabels(visible);
            Map<PageId, PageSummary> listed = new HashMap<>();
            if (labels.isEmpty()) {
                return listed;
            }
            Set<SpaceKey> inSpaces = SpaceAccessCheck.sorted(visible.stream().map(ManagedPage::space).collect(Collectors.toSet()));
            CqlQuery.Builder query = CqlQuery.builder().type("page");
            query = inSpaces.size() == 1 ? query.space(inSpaces.iterator().next()) : query.spaces(inSpaces);
            query = labels.size() == 1 ? query.label(labels.iterator().next()) : query.labels(labels);
            boolean withAttachments = runbooksByPage.values().stream()
                    .anyMatch(r -> r.published().map(p -> !p.attachments().isEmpty()).orElse(false));
            try (Stream<PageSummary> results = withAttachments
                    ? search.streamWithAttachments(access, query.build(), SEARCH_PAGE_SIZE)
                    : search.stream(access, query.build(), SEARCH_PAGE_SIZE)) {
                results.forEach(s -> listed.put(s.id(), s));
            }
            return listed;
        }

        private void check(ManagedPage page, Optional<PageSummary> listed) {
            Optional<PageId> pageId = Optional.of(page.pageId());
            Observed seen;
            if (listed.isPresent()) {
                seen = Observed.of(listed.get());
            } else {
                // not in the listing: deleted, trashed, unlabelled, or not indexed yet; only a direct read can tell
                Optional<Page> read = pages.read(access, page.pageId());
                if (read.isEmpty()) {
                    // what was wrong with the page before it went is superseded by its being gone
                    resolveAllBut(page.pageId(), DriftKind.DELETED);
                    if (page.role() != ManagedPage.Role.RUNBOOK) {
                        goneParents.put(page.pageId(), new ArrayList<>()); // recorded once its children are known
                    } else {
                        ledger.seen(pageId, DriftKind.DELETED, "%s is gone from space %s (deleted, or in the trash)"
                                .formatted(DriftMessages.page(page), page.space().value()));
                    }
                    return;
                }
                seen = Observed.of(read.get());
            }
            ledger.resolve(pageId, DriftKind.DELETED);
            presentBySpace.putIfAbsent(page.space(), page.pageId());
            compare(movedWithForgottenParent(placed(page, seen), seen), seen);
        }

        /**
         * A page whose recorded parent is gone and no longer managed (forgotten after it was found deleted or trashed): Confluence
         * moved the page up a level with it, the parent's own finding was the one event, and there is nowhere to move the page
         * back to. Where it is now becomes its recorded place (no finding), for scans and for publishes.
         */
        private ManagedPage movedWithForgottenParent(ManagedPage page, Observed seen) {
            Optional<PageId> recorded = page.parentId();
            if (recorded.isEmpty() || seen.parentId().equals(recorded) || managedById.containsKey(recorded.get()) || !gone(recorded.get())) {
                return page;
            }
            ManagedPage placed = new ManagedPage(page.connection(), page.pageId(), page.space(), page.title(), seen.parentId(), page.role(),
                    page.runbook(), page.version(), page.contentHash(), page.labels(), ledger.now());
            managedPages.save(placed);
            managedById.put(placed.pageId(), placed);
            Runbook runbook = runbooksByPage.get(page.pageId());
            if (runbook != null && seen.parentId().isPresent()) {
                try {
                    runbooksByPage.put(page.pageId(), runbooks.update(runbook.placedUnder(seen.parentId().get())));
                } catch (ConflictException e) {
                    // a publish saved it meanwhile; the next scan places it again
                }
            }
            return placed;
        }

        /**
         * A parent recorded before the connector kept where parents live has no place to compare: where it is now becomes its
         * place from here on (no finding).
         */
        private ManagedPage placed(ManagedPage page, Observed seen) {
            if (page.role() == ManagedPage.Role.RUNBOOK || page.parentId().isPresent() || seen.parentId().isEmpty()) {
                return page;
            }
            ManagedPage placed = new ManagedPage(page.connection(), page.pageId(), page.space(), page.title(), seen.parentId(), page.role(),
                    page.runbook(), page.version(), page.contentHash(), page.labels(), page.updatedAt());
            managedPages.save(placed);
            managedById.put(placed.pageId(), placed);
            return placed;
        }

        private void compare(ManagedPage page, Observed seen) {
            Optional<PageId> pageId = Optional.of(page.pageId());

            ledger.check(pageId, DriftKind.RENAMED, !seen.title().equals(page.title()),
                    () -> "%s was renamed to '%s'%s".formatted(DriftMessages.page(page), seen.title().value(), DriftMessages.at(seen.webUrl())));
            boolean movedWithItsParent = page.parentId().map(goneParents::containsKey).orElse(false)
                    && !seen.parentId().equals(page.parentId());
            if (movedWithItsParent) {
                // Confluence moved the children of a trashed page up a level: one event, reported on the parent
                goneParents.get(page.parentId().get()).add("'%s' (page %s)".formatted(page.title().value(), page.pageId()));
            }
            ledger.check(pageId, DriftKind.MOVED, !movedWithItsParent && page.parentId().isPresent() && !seen.parentId().equals(page.parentId()),
                    () -> "%s was moved from under %s to %s%s".formatted(DriftMessages.page(page), place(page.parentId().orElseThrow(),
                            Optional.empty()), seen.parentId().map(p -> "under " + place(p, seen.parentTitle())).orElse("the top of the space"),
                            DriftMessages.at(seen.webUrl())));
            Set<Label> removed = PageLabels.of(seen.labels()).missing(page.labels());
            ledger.check(pageId, DriftKind.LABELS_REMOVED, !removed.isEmpty(), () -> "labels removed from %s: %s"
                    .formatted(DriftMessages.page(page), removed.stream().map(Label::name).collect(Collectors.joining(", "))));
            checkEdit(page, seen);
            Runbook runbook = runbooksByPage.get(page.pageId());
            if (page.role() == ManagedPage.Role.RUNBOOK && runbook != null) {
                runbook.published().filter(p -> !p.attachments().isEmpty()).ifPresent(state -> attachmentDrift.check(access, ledger, page, state, seen.attachments()));
            }
        }

        private String parentGone(ManagedPage parent, List<String> children) {
            return "%s is gone from space %s (deleted, or in the trash)%s; the next publish finds a page with its title or creates it again"
                    .formatted(DriftMessages.page(parent), parent.space().value(), children.isEmpty() ? ""
                            : "; Confluence moved the %d managed pages under it up a level: %s".formatted(children.size(),
                            String.join(", ", children)));
        }

        /**
         * A page a managed page was or now is under, by title: a managed page's is known, a search names the parent it lists a
         * page under; any other is read (one call, only for a page found moved).
         */
        private String place(PageId id, Optional<Title> listed) {
            ManagedPage known = managedById.get(id);
            Optional<Title> title = known != null ? Optional.of(known.title()) : listed.or(() -> titleOf(id));
            return title.map(t -> "'%s' (page %s)".formatted(t.value(), id)).orElse("page " + id);
        }

        /** Only to name a place in a message: a page that cannot be read is named by its id, and the scan goes on. */
        private Optional<Title> titleOf(PageId id) {
            try {
                return read(id).map(Page::title);
            } catch (ConnectorException e) {
                return Optional.empty();
            }
        }

        /** Whether a page is deleted or in the trash; one the user may not read is not known to be gone. */
        private boolean gone(PageId id) {
            try {
                return read(id).isEmpty();
            } catch (PermissionDeniedException e) {
                return false;
            }
        }

        /** A page the connector does not manage, read at most once per scan. */
        private Optional<Page> read(PageId id) {
            Optional<Page> known = readOnce.get(id);
            if (known == null) {
                known = pages.read(access, id);
                readOnce.put(id, known);
            }
            return known;
        }

        /**
         * An edit: the version moved past the last one known to hold the connector's content, and the
         * body differs in canonical form. A version that moved without a change of content (a rename, a
         * re-save) becomes the new baseline, so that page is not read again next time. The content of an
         * adopted parent (a customer's page) is not the connector's, so it is not compared.
         */
        private void checkEdit(ManagedPage page, Observed seen) {
            Optional<PageId> pageId = Optional.of(page.pageId());
            if (!page.ownsContent() || !page.baseline().mayBeEditedAt(seen.version())) {
                ledger.resolve(pageId, DriftKind.EDITED_IN_CONFLUENCE);
                return;
            }
            Page read = seen.page().isPresent() ? seen.page().get() : pages.read(access, page.pageId()).orElse(null);
            if (read == null) {
                return; // deleted between the listing and the read: the next scan reports it
            }
            boolean edited = page.baseline().isEditedBy(read.version().number(), ContentBaseline.fingerprint(page.title(), read.body().value()));
            if (edited) {
                Function<String, String> words = by -> "%s was edited in Confluence: version %s, the connector published version %s%s%s"
                        .formatted(DriftMessages.page(page), read.version().number(), page.version(),
                                by == null ? "" : " (last edit by " + by + ")", DriftMessages.at(read.webUrl()));
                Optional<String> author = read.version().authorId();
                if (author.isPresent()) {
                    ledger.seenBy(pageId, DriftKind.EDITED_IN_CONFLUENCE, author.get(), words);
                } else {
                    ledger.seen(pageId, DriftKind.EDITED_IN_CONFLUENCE, words.apply(null));
                }
            } else {
                ledger.resolve(pageId, DriftKind.EDITED_IN_CONFLUENCE);
                managedPages.save(new ManagedPage(page.connection(), page.pageId(), page.space(), page.title(), page.parentId(),
                        page.role(), page.runbook(), read.version().number(), page.contentHash(), page.labels(), ledger.now()));
            }
        }

        /** DRIFTED while a runbook's page has findings nobody acknowledged, PUBLISHED again once they resolved. */
        private void updateRunbookStatuses() {
            for (Runbook runbook : runbooksByPage.values()) {
                PageId page = runbook.pageId().orElseThrow();
                if (!checked.contains(page)) {
                    continue;
                }
                RunbookStatus wanted = ledger.drifted(page) ? RunbookStatus.DRIFTED : RunbookStatus.PUBLISHED;
                boolean settled = runbook.status() == RunbookStatus.PUBLISHED || runbook.status() == RunbookStatus.DRIFTED;
                if (settled && runbook.status() != wanted) {
                    try {
                        runbooks.update(runbook.scanned(ledger.drifted(page)));
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
}
