package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.Page;
import ai.askel.confluence.ports.in.CreatePageCommand;
import ai.askel.confluence.ports.in.CreatePageUseCase;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConfluenceLabelsPort;
import ai.askel.confluence.ports.out.MarkdownPort;
import ai.askel.confluence.ports.out.NewPage;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.Set;

/**
 * Creates a page ({@link PageCreation#createExactly}: 1 call; a create whose answer was lost is recovered,
 * never sent twice blindly, and a taken title is a conflict), then adds all its labels in one call.
 */
final class CreatePageService implements CreatePageUseCase {
    private final ConnectionLookup lookup;
    private final PageCreation creation;
    private final ConfluenceLabelsPort labels;
    private final AuditTrail audit;
    private final MarkdownPort markdown;

    @Inject
    public CreatePageService(ConnectionLookup lookup, PageCreation creation, ConfluenceLabelsPort labels, AuditTrail audit,
                             MarkdownPort markdown) {
        this.lookup = lookup;
        this.creation = creation;
        this.labels = labels;
        this.audit = audit;
        this.markdown = markdown;
    }

    @Override
    public Page create(CreatePageCommand command) {
        ConfluenceAccess access = lookup.access(command.ref());
        Page page = creation.createExactly(access, new NewPage(command.space(), command.title(), command.parentId(),
                PageBodies.forConfluence(command.body(), markdown)));
        audit.record(command.ref().workspace(), "page.create", Optional.of(command.ref().connection()), Optional.of(page.id()), "created");
        if (command.labels().isEmpty()) {
            return page;
        }
        Set<Label> now = labels.add(access, page.id(), command.labels());
        return new Page(page.id(), page.space(), page.title(), page.parentId(), page.body(), page.version(), now, page.webUrl());
    }
}
