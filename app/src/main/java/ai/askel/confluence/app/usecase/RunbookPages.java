package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PageDrift;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.PageSummary;
import ai.askel.confluence.domain.PublishedState;
import ai.askel.confluence.domain.Runbook;
import ai.askel.confluence.domain.error.ConflictException;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConfluencePagesPort;
import ai.askel.confluence.ports.out.ConfluenceSpacesPort;
import ai.askel.confluence.ports.out.DriftFindingRepositoryPort;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * What Confluence holds of a runbook's page, for {@link Runbook#plan}: a published runbook's page read by
 * its stored id (its identity, never the title); for a runbook never published, the parent found or
 * created, and in a dry run the page with the runbook's title under it, which a publish adopts (a publish
 * learns of that page from its create, which Confluence refuses because the title is taken). A publish and
 * its dry run both ask here; a dry run creates and records nothing.
 */
final class RunbookPages {

    private final ConfluenceSpacesPort spaces;
    private final ConfluencePagesPort pages;
    private final ParentPages parents;
    private final DriftFindingRepositoryPort findings;

    @Inject
    public RunbookPages(ConfluenceSpacesPort spaces, ConfluencePagesPort pages, ParentPages parents, DriftFindingRepositoryPort findings) {
        this.spaces = spaces;
        this.pages = pages;
        this.parents = parents;
        this.findings = findings;
    }

    /**
     * The runbook's page as Confluence holds it, where it lives, and the open attachment findings of the
     * last drift scan (listing the attachments on every publish would cost a call).
     */
    record Located(Optional<Page> page, Optional<PageId> parentId, boolean createsParent, boolean parentFromRecord,
                   List<PageDrift> attachmentDrift) {
    }

    void requireSpace(ConfluenceAccess access, PublishRequest request) {
        spaces.findSpace(access, request.space()).orElseThrow(() -> new NotFoundException(
                "space %s not found, or the connection's user cannot see it".formatted(request.space())));
    }

    Located locate(ConfluenceAccess access, PublishRequest request, Runbook runbook, boolean dryRun) {
        if (runbook.published().isPresent()) {
            PublishedState state = runbook.published().get();
            List<PageDrift> attachmentDrift = request.content().attachments().isEmpty() ? List.of()
                    : findings.listOpen(runbook.connection(), state.pageId()).stream()
                    .filter(f -> f.kind().concernsAttachments())
                    .map(RunbookPages::drift)
                    .toList();
            return new Located(pages.read(access, state.pageId()), Optional.of(state.parentId()), false, false, attachmentDrift);
        }
        ParentPages.Parent parent = currentParent(access, request, dryRun);
        if (parent.created() || parent.id().isEmpty()) {
            return new Located(Optional.empty(), parent.id(), parent.created(), false, List.of());
        }
        if (!dryRun) {
            // no title lookup: Confluence refuses a second page with the title, and the create then adopts the page that
            // holds it (PublishSteps), so a lookup first would cost every first publish a call to find what is rarely there
            return new Located(Optional.empty(), parent.id(), false, parent.fromRecord(), List.of());
        }
        Optional<PageSummary> existing = pages.findByTitle(access, request.space(), request.title());
        if (existing.isEmpty()) {
            return new Located(Optional.empty(), parent.id(), false, parent.fromRecord(), List.of());
        }
        requireUnder(existing.get(), parent.id().get(), request);
        return new Located(pages.read(access, existing.get().id()), parent.id(), false, parent.fromRecord(), List.of());
    }

    /**
     * The parent a new page goes under. A recorded parent is read first (one call): Confluence accepts a page under a
     * parent in the trash, where nobody would see it, so one deleted or trashed since the last scan is forgotten and
     * found or created again (a dry run reports that it would create it).
     */
    private ParentPages.Parent currentParent(ConfluenceAccess access, PublishRequest request, boolean dryRun) {
        ParentPages.Parent parent = parents.resolve(access, request.ref(), request.space(), request.parentTitle(), dryRun);
        if (!parent.fromRecord() || parents.isCurrent(access, parent.id().orElseThrow())) {
            return parent;
        }
        if (dryRun) {
            return new ParentPages.Parent(Optional.empty(), true, false);
        }
        parents.forget(request.ref(), parent.id().get());
        return parents.resolve(access, request.ref(), request.space(), request.parentTitle(), false);
    }

    /** A page with the runbook's title is adopted only under its parent. */
    static PageSummary requireUnder(PageSummary found, PageId parentId, PublishRequest request) {
        if (!found.parentId().equals(Optional.of(parentId))) {
            throw new ConflictException(("a page titled '%s' already exists in space %s (page %s), but not under '%s'; "
                    + "the connector adopts an existing page only under its parent. Rename or move that page, or choose another title")
                    .formatted(request.title(), request.space(), found.id(), request.parentTitle()));
        }
        return found;
    }

    private static PageDrift drift(DriftFinding finding) {
        return new PageDrift(finding.kind(), finding.detail());
    }
}
