package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.ports.in.UpdatePageCommand;
import ai.askel.confluence.ports.in.UpdatePageUseCase;
import ai.askel.confluence.ports.out.ConfluencePagesPort;
import ai.askel.confluence.ports.out.MarkdownPort;
import ai.askel.confluence.ports.out.PageUpdate;
import jakarta.inject.Inject;

import java.util.Optional;

/** Writes a page's next version; with a base version, a page that moved on is a version conflict. */
public final class UpdatePageService implements UpdatePageUseCase {
    private final ConnectionLookup lookup;
    private final ConfluencePagesPort pages;
    private final AuditTrail audit;
    private final MarkdownPort markdown;

    @Inject
    public UpdatePageService(ConnectionLookup lookup, ConfluencePagesPort pages, AuditTrail audit, MarkdownPort markdown) {
        this.markdown = markdown;
        this.lookup = lookup;
        this.pages = pages;
        this.audit = audit;
    }

    @Override
    public Page update(UpdatePageCommand command) {
        var access = lookup.access(command.ref());
        try {
            Page page = pages.update(access, new PageUpdate(command.page(), command.title(),
                    PageBodies.forConfluence(command.body(), markdown), command.baseVersion(),
                    command.message()));
            audit.record(command.ref().workspace(), "page.update", Optional.of(command.ref().connection()), Optional.of(page.id()),
                    "updated to version " + page.version().number());
            return page;
        } catch (ConnectorException e) {
            audit.failed(command.ref().workspace(), "page.update", Optional.of(command.ref().connection()), Optional.of(command.page()), e);
            throw e;
        }
    }
}
