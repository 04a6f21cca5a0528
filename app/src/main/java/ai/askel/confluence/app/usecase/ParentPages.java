package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.ContentBaseline;
import ai.askel.confluence.domain.ContentHash;
import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PageBody;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.PageSummary;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.Version;
import ai.askel.confluence.domain.storage.PanelType;
import ai.askel.confluence.domain.storage.StorageBuilder;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.out.ClockPort;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConfluencePagesPort;
import ai.askel.confluence.ports.out.ManagedPage;
import ai.askel.confluence.ports.out.DriftFindingRepositoryPort;
import ai.askel.confluence.ports.out.ManagedPageRepositoryPort;
import ai.askel.confluence.ports.out.NewPage;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;

/** Finds or creates a runbook's parent page: the managed record, else a page with its title (adopted), else a new page. */
@Singleton
final class ParentPages {
    private static final PageBody NEW_PARENT_BODY = PageBody.storage(StorageBuilder.create()
            .panel(PanelType.INFO, null, b -> b.paragraph("The pages under this one are published and kept up to date by "
                    + "the Askel connector. Edits made here may be reported as drift."))
            .build());

    private final ConfluencePagesPort pages;
    private final PageCreation creation;
    private final ManagedPageRepositoryPort managedPages;
    private final DriftFindingRepositoryPort findings;
    private final ClockPort clock;
    private final PublishLocks turns = PublishLocks.forParentPages();

    @Inject
    public ParentPages(ConfluencePagesPort pages, PageCreation creation, ManagedPageRepositoryPort managedPages,
                       DriftFindingRepositoryPort findings, ClockPort clock) {
        this.pages = pages;
        this.creation = creation;
        this.managedPages = managedPages;
        this.findings = findings;
        this.clock = clock;
    }

    /**
     * The parent page: its id (empty only in a dry run that would create it), whether this call created
     * it (or a dry run would), and whether it came from the managed record (so a 404 under it means it was
     * deleted in Confluence).
     */
    record Parent(Optional<PageId> id, boolean created, boolean fromRecord) {
    }

    /**
     * Finds or creates the parent; in a dry run nothing is created or recorded. The publishes of this connector that
     * find the parent not recorded yet take turns: the first finds or creates it, the others then find it recorded,
     * instead of each looking it up and trying to create it (all creates but one refused, a Confluence call wasted each).
     */
    Parent resolve(ConfluenceAccess access, ConnectionRef ref, SpaceKey space, Title title, boolean dryRun) {
        Optional<Parent> recorded = recorded(ref, space, title, dryRun);
        if (recorded.isPresent() || dryRun) {
            return recorded.orElseGet(() -> findOrCreate(access, ref, space, title, true));
        }
        try (PublishLocks.Held turn = turns.acquire(ref.connection(), space, title)) {
            return recorded(ref, space, title, false).orElseGet(() -> findOrCreate(access, ref, space, title, false));
        }
    }

    /** The parent from its managed record, unless a drift scan found it deleted or trashed (never write under it). */
    private Optional<Parent> recorded(ConnectionRef ref, SpaceKey space, Title title, boolean dryRun) {
        Optional<ManagedPage> managed = managedPages.findByTitle(ref.connection(), space, title);
        if (managed.isPresent() && !dryRun && ParentGone.forget(managed.get(), findings, managedPages)) {
            return Optional.empty();
        }
        return managed.map(page -> new Parent(Optional.of(page.pageId()), false, true));
    }

    /** A page with the parent's title, adopted, else a new page. */
    private Parent findOrCreate(ConfluenceAccess access, ConnectionRef ref, SpaceKey space, Title title, boolean dryRun) {
        Optional<PageSummary> existing = pages.findByTitle(access, space, title);
        if (existing.isPresent()) {
            if (!dryRun) {
                // an adopted page's content is the customer's: the role says so, and no content of it is compared
                record(ref, space, title, existing.get().id(), existing.get().parentId(), existing.get().version().number(),
                        ManagedPage.Role.ADOPTED_PARENT, ContentBaseline.fingerprint(title, ""));
            }
            return new Parent(Optional.of(existing.get().id()), false, false);
        }
        if (dryRun) {
            return new Parent(Optional.empty(), true, false);
        }
        PageCreation.Outcome outcome = creation.create(access, new NewPage(space, title, Optional.empty(), NEW_PARENT_BODY));
        ContentHash hash = ContentBaseline.fingerprint(title, NEW_PARENT_BODY.value());
        if (outcome.created().isPresent()) {
            Page created = outcome.created().get();
            record(ref, space, title, created.id(), created.parentId(), created.version().number(), ManagedPage.Role.PARENT, hash);
            return new Parent(Optional.of(outcome.created().get().id()), true, false);
        }
        PageSummary found = outcome.found().orElseThrow();
        record(ref, space, title, found.id(), found.parentId(), found.version().number(), ManagedPage.Role.PARENT, hash);
        return new Parent(Optional.of(found.id()), false, false);
    }

    /**
     * Whether a recorded parent is still a current page: Confluence accepts a new page under a parent in the trash, where
     * nobody would see it, so this is asked (one read) before a page is created under a recorded parent.
     */
    boolean isCurrent(ConfluenceAccess access, PageId parent) {
        return pages.read(access, parent).isPresent();
    }

    /** Forgets a recorded parent that was deleted in Confluence, so the next attempt finds or creates it again. */
    void forget(ConnectionRef ref, PageId parent) {
        managedPages.delete(ref.connection(), parent);
    }

    /** Records the parent with where it lives (its own parent), so a drift scan sees it moved. */
    private void record(ConnectionRef ref, SpaceKey space, Title title, PageId id, Optional<PageId> parentId, Version version,
                        ManagedPage.Role role, ContentHash hash) {
        managedPages.save(new ManagedPage(ref.connection(), id, space, title, parentId, role, Optional.empty(), version, hash,
                Set.of(), clock.now()));
    }
}
