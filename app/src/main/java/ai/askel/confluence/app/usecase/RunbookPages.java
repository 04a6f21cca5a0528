package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftKind;
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
import java.util.Set;

/**
 * What Confluence holds of a runbook's page, for {@link Runbook#plan}: a published runbook's page read by
 * its stored id (its identity, never the title); for a runbook never published, the parent found or
 * created and the page with the runbook's title under it, which is adopted. A publish and its dry run
 * both ask here; a dry run creates and records nothing.
 */
final class RunbookPages {
    private static final Set<DriftKind> ATTACHMENT_KINDS = Set.of(DriftKind.ATTACHMENT_MISSING, DriftKind.ATTACHMENT_REPLACED);

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
                    : findings.listOpen(runbook.connection()).stream()
                    .filter(f -> f.pageId().equals(Optional.of(state.pageId())) && ATTACHMENT_KINDS.contains(f.kind()))
                    .map(RunbookPages::drift)
                    .toList();
            return new Located(pages.read(access, state.pageId()), Optional.of(state.parentId()), false, false, attachmentDrift);
        }
        ParentPages.Parent parent = parents.resolve(access, request.ref(), request.space(), request.parentTitle(), dryRun);
        if (parent.created() || parent.id().isEmpty()) {
            return new Located(Optional.empty(), parent.id(), parent.created(), false, List.of());
        }
        Optional<PageSummary> existing = pages.findByTitle(access, request.space(), request.title());
        if (existing.isEmpty()) {
            if (parent.fromRecord() && !parents.isCurrent(access, parent.id().get())) {
                // the recorded parent is deleted or in the trash (no scan has said so yet): never create a page under it
                if (dryRun) {
                    return new Located(Optional.empty(), Optional.empty(), true, false, List.of());
                }
                parents.forget(request.ref(), parent.id().get());
                ParentPages.Parent again = parents.resolve(access, request.ref(), request.space(), request.parentTitle(), false);
                return new Located(Optional.empty(), again.id(), again.created(), false, List.of());
            }
            return new Located(Optional.empty(), parent.id(), false, parent.fromRecord(), List.of());
        }
        requireUnder(existing.get(), parent.id().get(), request);
        Optional<Page> page = pages.read(access, existing.get().id());
        if (page.isEmpty() && !dryRun) {
            throw new StaleRunbookException("page " + existing.get().id() + " disappeared while it was being adopted");
        }
        return new Located(page, parent.id(), false, parent.fromRecord(), List.of());
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
