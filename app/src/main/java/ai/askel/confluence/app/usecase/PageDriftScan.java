package ai.askel.confluence.app.usecase;

import ai.askel.confluence.app.usecase.PageSightings.Observed;
import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PageChange;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.PageSighting;
import ai.askel.confluence.domain.PublishedPage;
import ai.askel.confluence.domain.Runbook;
import ai.askel.confluence.domain.RunbookStatus;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.error.ConflictException;
import ai.askel.confluence.domain.error.PermissionDeniedException;
import ai.askel.confluence.ports.out.ConfluenceAccess;
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
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The page checks of a connection's drift scan ({@code docs/drift.md}): load what Confluence shows of each managed page
 * ({@link PageSightings}: one paged CQL listing, direct reads where it falls short), ask the drift rule that a publish asks
 * too ({@link PublishedPage#driftIn}), record its answer as findings, and save what moved the baselines. Only a page whose
 * version moved past the last one known to hold the connector's content is read in full. Managed pages the listing lacks
 * (deleted, trashed, unlabelled, or not indexed yet) are read one by one, so a page is reported deleted only on
 * Confluence's direct answer.
 */
final class PageDriftScan {
    private final PageSightings sightings;
    private final AttachmentDriftCheck attachmentDrift;
    private final ManagedPageRepositoryPort managedPages;
    private final RunbookRepositoryPort runbooks;
    private final SpaceAccessCheck spaceAccess;
    private final AccountNames names;

    @Inject
    PageDriftScan(PageSightings sightings, AttachmentDriftCheck attachmentDrift, ManagedPageRepositoryPort managedPages,
                  RunbookRepositoryPort runbooks, SpaceAccessCheck spaceAccess, AccountNames names) {
        this.sightings = sightings;
        this.attachmentDrift = attachmentDrift;
        this.managedPages = managedPages;
        this.runbooks = runbooks;
        this.spaceAccess = spaceAccess;
        this.names = names;
    }

    void run(ConfluenceAccess access, DriftLedger ledger, List<ManagedPage> managed, Set<PageId> openPageFindings) {
        new Run(access, ledger, managed).run(openPageFindings);
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
        /** Pages the connector does not manage, read at most once in this scan. */
        private final OtherPages others;

        Run(ConfluenceAccess access, DriftLedger ledger, List<ManagedPage> managed) {
            this.access = access;
            this.ledger = ledger;
            this.managed = managed;
            this.others = new OtherPages(sightings, access);
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
            boolean withAttachments = runbooksByPage.values().stream()
                    .anyMatch(r -> r.published().map(p -> !p.attachments().isEmpty()).orElse(false));
            Map<PageId, Observed> listed = sightings.list(access, visible, withAttachments);
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

        private void check(ManagedPage page, Optional<Observed> listed) {
            Optional<PageId> pageId = Optional.of(page.pageId());
            Observed seen;
            if (listed.isPresent()) {
                seen = listed.get();
            } else {
                // not in the listing: deleted, trashed, unlabelled, or not indexed yet; only a direct read can tell
                Optional<Page> read = sightings.read(access, page.pageId());
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
            if (recorded.isEmpty() || seen.parentId().equals(recorded) || managedById.containsKey(recorded.get()) || !others.gone(recorded.get())) {
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

        /**
         * Asks the drift rule ({@link PublishedPage#driftIn}) and records its answer. Only a page whose version moved past the
         * last one known to hold the connector's content is read in full (unless the scan read it already). A version that moved
         * without a change of content (a rename, a re-save) becomes the new baseline, so that page is not read again next time.
         */
        private void compare(ManagedPage page, Observed seen) {
            Optional<PageId> pageId = Optional.of(page.pageId());
            PublishedPage written = page.written();
            PageSighting now = seen.sighting();
            Optional<Page> read = seen.page();
            if (written.mayBeEditedAt(seen.version()) && read.isEmpty()) {
                read = sightings.read(access, page.pageId());
                now = read.map(now::withBodyOf).orElse(now);
            }
            Runbook runbook = runbooksByPage.get(page.pageId());
            // the labels still wanted: the runbook's (a label it no longer asks for is no drift when removed), else those written
            Set<Label> wanted = page.role() == ManagedPage.Role.RUNBOOK && runbook != null ? runbook.labels() : page.labels();
            List<PageChange> changes = written.driftIn(now, wanted, goneParents.keySet());

            Optional<PageChange.Renamed> renamed = PublishedPage.find(changes, PageChange.Renamed.class);
            ledger.check(pageId, DriftKind.RENAMED, renamed.isPresent(), () -> "%s was renamed to '%s'%s"
                    .formatted(DriftMessages.page(page), renamed.get().to().value(), DriftMessages.at(seen.webUrl())));
            Optional<PageChange.Moved> moved = PublishedPage.find(changes, PageChange.Moved.class);
            moved.filter(PageChange.Moved::withItsParent).ifPresent(m -> goneParents.get(m.from())
                    .add("'%s' (page %s)".formatted(page.title().value(), page.pageId())));
            Optional<PageChange.Moved> movedAlone = moved.filter(PageChange::isDrift);
            ledger.check(pageId, DriftKind.MOVED, movedAlone.isPresent(), () -> "%s was moved from under %s to %s%s"
                    .formatted(DriftMessages.page(page), place(movedAlone.get().from(), Optional.empty()),
                            movedAlone.get().to().map(p -> "under " + place(p, seen.parentTitle())).orElse("the top of the space"),
                            DriftMessages.at(seen.webUrl())));
            Optional<PageChange.LabelsRemoved> removed = PublishedPage.find(changes, PageChange.LabelsRemoved.class);
            ledger.check(pageId, DriftKind.LABELS_REMOVED, removed.isPresent(), () -> "labels removed from %s: %s"
                    .formatted(DriftMessages.page(page), removed.get().labels().stream().sorted().map(Label::name).collect(Collectors.joining(", "))));
            if (!written.mayBeEditedAt(seen.version())) {
                ledger.resolve(pageId, DriftKind.EDITED_IN_CONFLUENCE);
            } else if (read.isPresent()) {
                recordEdit(page, read.get(), PublishedPage.find(changes, PageChange.Edited.class));
            } // else deleted between the listing and the read: the next scan reports it
            if (page.role() == ManagedPage.Role.RUNBOOK && runbook != null) {
                runbook.published().filter(p -> !p.attachments().isEmpty()).ifPresent(state -> attachmentDrift.check(access, ledger, page, state, seen.attachments()));
            }
        }

        /** An edit found is recorded with who made it; a page read without one is at a new baseline (no finding). */
        private void recordEdit(ManagedPage page, Page read, Optional<PageChange.Edited> edited) {
            Optional<PageId> pageId = Optional.of(page.pageId());
            if (edited.isPresent()) {
                Function<String, String> words = by -> "%s was edited in Confluence: version %s, the connector published version %s%s%s"
                        .formatted(DriftMessages.page(page), edited.get().version(), edited.get().published(),
                                by == null ? "" : " (last edit by " + by + ")", DriftMessages.at(read.webUrl()));
                Optional<String> author = edited.get().by();
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
            Optional<Title> title = known != null ? Optional.of(known.title()) : listed.or(() -> others.titleOf(id));
            return title.map(t -> "'%s' (page %s)".formatted(t.value(), id)).orElse("page " + id);
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
