package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PageRevision;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.domain.error.VersionConflictException;
import ai.askel.confluence.ports.in.UpdatePageCommand;
import ai.askel.confluence.ports.in.UpdatePageUseCase;
import ai.askel.confluence.ports.in.UpdatedPage;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConfluencePagesPort;
import ai.askel.confluence.ports.out.MarkdownPort;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Reads the page, asks it what the update writes ({@link Page#planUpdate}: nothing, the next version, or
 * a version conflict), and writes it with one PUT: 1 call when nothing changes, 2 otherwise. Without a base
 * version, a page that moved on between the read and the write is read again and written on top, up to
 * {@link UseCaseSettings#maxConflictRetries} times; with one, it is a version conflict and nothing is overwritten.
 */
final class UpdatePageService implements UpdatePageUseCase {
    private static final String OPERATION = "page.update";

    private final ConnectionLookup lookup;
    private final ConfluencePagesPort pages;
    private final AuditTrail audit;
    private final MarkdownPort markdown;
    private final int maxConflictRetries;

    @Inject
    public UpdatePageService(ConnectionLookup lookup, ConfluencePagesPort pages, AuditTrail audit, MarkdownPort markdown,
                             UseCaseSettings settings) {
        this.lookup = lookup;
        this.pages = pages;
        this.audit = audit;
        this.markdown = markdown;
        this.maxConflictRetries = settings.maxConflictRetries();
    }

    @Override
    public UpdatedPage update(UpdatePageCommand command) {
        ConfluenceAccess access = lookup.access(command.ref());
        try {
            UpdatedPage updated = readModifyWrite(access, new UpdatePageCommand(command.ref(), command.page(), command.title(),
                    PageBodies.forConfluence(command.body(), markdown), command.baseVersion(), command.message(), command.force()));
            audit.record(command.ref().workspace(), OPERATION, Optional.of(command.ref().connection()), Optional.of(updated.page().id()),
                    (updated.changed() ? "updated to version " : "unchanged at version ") + updated.page().version().number());
            return updated;
        } catch (ConnectorException e) {
            audit.failed(command.ref().workspace(), OPERATION, Optional.of(command.ref().connection()), Optional.of(command.page()), e);
            throw e;
        }
    }

    private UpdatedPage readModifyWrite(ConfluenceAccess access, UpdatePageCommand command) {
        for (int conflicts = 0; ; conflicts++) {
            Page current = pages.read(access, command.page()).orElseThrow(() -> new NotFoundException(
                    "page " + command.page() + " was not found, or the Confluence user may not see it"));
            Optional<PageRevision> revision = current.planUpdate(command.baseVersion(), command.title(), command.body(),
                    command.message(), command.force());
            if (revision.isEmpty()) {
                return new UpdatedPage(current, false);
            }
            try {
                return new UpdatedPage(current.apply(revision.get(), pages.write(access, revision.get())), true);
            } catch (VersionConflictException e) {
                if (command.baseVersion().isPresent() || conflicts >= maxConflictRetries) {
                    throw e;
                }
            }
        }
    }
}
