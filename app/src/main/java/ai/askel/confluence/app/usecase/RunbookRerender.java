package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.ContentHash;
import ai.askel.confluence.domain.DriftPolicy;
import ai.askel.confluence.domain.PageRevision;
import ai.askel.confluence.domain.PublishedState;
import ai.askel.confluence.domain.Runbook;
import ai.askel.confluence.domain.RunbookSource;
import ai.askel.confluence.domain.Version;
import ai.askel.confluence.domain.error.ConflictException;
import ai.askel.confluence.domain.error.VersionConflictException;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.PublishRunbookCommand;
import ai.askel.confluence.domain.PublishSource;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConfluencePagesPort;
import ai.askel.confluence.ports.out.ManagedPage;
import ai.askel.confluence.ports.out.RunbookRepositoryPort;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Renders a template runbook again after a file was attached to its page, so a template that shows its
 * attachments (an image of the diagram) shows the new one: one PUT on top of the version last published,
 * only when the rendered content changed. A page edited in Confluence since is not overwritten (the PUT is
 * refused as a conflict; the next publish reports the drift). A supplied body is the caller's and is never
 * re-rendered.
 */
final class RunbookRerender {
    private final RunbookPreparer preparer;
    private final ConfluencePagesPort pages;
    private final RunbookRepositoryPort runbooks;

    @Inject
    public RunbookRerender(RunbookPreparer preparer, ConfluencePagesPort pages, RunbookRepositoryPort runbooks) {
        this.preparer = preparer;
        this.pages = pages;
        this.runbooks = runbooks;
    }

    /** The version written, if the render changed; {@code runbook} is as saved with the new attachment recorded. */
    Optional<Version> refresh(ConfluenceAccess access, ConnectionRef ref, Runbook runbook) {
        if (!(runbook.source() instanceof RunbookSource.Template template) || runbook.published().isEmpty()) {
            return Optional.empty();
        }
        PublishedState state = runbook.published().get();
        PublishRunbookCommand command = new PublishRunbookCommand(ref, runbook.space(), Optional.of(runbook.parentTitle()), runbook.title(),
                new PublishSource.FromTemplate(template.template().id(), template.inputs()), Optional.of(runbook.labels()), List.of(),
                DriftPolicy.FAIL, false);
        // no writer: a re-render writes on top of the version this runbook published and never takes over a page
        PublishRequest request = preparer.prepare(command, Optional.of(runbook), Optional.empty());
        ContentHash hash = request.content().expectedHash().orElseThrow();
        if (hash.equals(state.contentHash())) {
            return Optional.empty();
        }
        PageRevision revision = new PageRevision(state.pageId(), runbook.title(), request.content().body(), state.version().next(),
                Optional.of("Published by Askel from " + request.content().source().describe() + " (a file was attached)"));
        Version written;
        try {
            written = pages.write(access, revision).number();
        } catch (VersionConflictException editedSince) {
            return Optional.empty();
        }
        PublishedState next = new PublishedState(state.pageId(), state.parentId(), written, hash, state.title(), state.labels(),
                state.attachments(), state.publishedAt());
        try {
            runbooks.updatePublished(request.applyTo(runbook).published(next), new ManagedPage(runbook.connection(), state.pageId(),
                    runbook.space(), runbook.title(), Optional.of(state.parentId()), ManagedPage.Role.RUNBOOK, Optional.of(runbook.id()),
                    written, hash, state.labels(), state.publishedAt()), List.of());
        } catch (ConflictException concurrentPublish) {
            return Optional.of(written); // a publish saved meanwhile: it re-reads the page and records what it finds
        }
        return Optional.of(written);
    }
}
