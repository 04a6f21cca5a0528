package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Attachment;
import ai.askel.confluence.domain.ContentBaseline;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PublishedAttachment;
import ai.askel.confluence.domain.PublishedState;
import ai.askel.confluence.domain.Runbook;
import ai.askel.confluence.ports.out.ManagedPage;
import ai.askel.confluence.ports.out.ManagedPageRepositoryPort;
import ai.askel.confluence.ports.out.RunbookRepositoryPort;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the connector compares a managed page against, moved after a person acted on drift: the page's managed record
 * (what a scan compares) and the runbook's published state (what a publish compares). The runbook's inputs, and the
 * hash of what they render, never change here.
 */
final class DriftBaseline {
    private final ManagedPageRepositoryPort managedPages;
    private final RunbookRepositoryPort runbooks;

    @Inject
    DriftBaseline(ManagedPageRepositoryPort managedPages, RunbookRepositoryPort runbooks) {
        this.managedPages = managedPages;
        this.runbooks = runbooks;
    }

    /** The page as it is now (body, title, place, labels) becomes the baseline. */
    void adoptPage(ManagedPage managed, Optional<Runbook> runbook, Page current, Instant now) {
        Set<Label> kept = managed.labels().stream().filter(current.labels()::contains).collect(Collectors.toSet());
        managedPages.save(new ManagedPage(managed.connection(), managed.pageId(), managed.space(), current.title(),
                current.parentId().or(managed::parentId), managed.role(), managed.runbook(), current.version().number(),
                ContentBaseline.fingerprint(current.title(), current.body().value()), kept, now));
        stateOf(managed, runbook).ifPresent(state -> save(runbook.get(), new PublishedState(state.pageId(),
                current.parentId().orElse(state.parentId()), current.version().number(), state.contentHash(), current.title(),
                state.labels().stream().filter(current.labels()::contains).collect(Collectors.toSet()), state.attachments(),
                state.publishedAt())));
    }

    /** The page's attachments as they are now become the baseline: a replaced file is kept, a deleted one forgotten. */
    void adoptAttachments(ManagedPage managed, Optional<Runbook> runbook, List<Attachment> present) {
        stateOf(managed, runbook).ifPresent(state -> {
            List<PublishedAttachment> adopted = new ArrayList<>();
            for (PublishedAttachment written : state.attachments()) {
                present.stream().filter(a -> a.id().equals(written.attachmentId())).findFirst()
                        .or(() -> present.stream().filter(a -> a.fileName().equals(written.fileName())).findFirst())
                        .ifPresent(now -> adopted.add(new PublishedAttachment(written.fileName(), written.hash(), now.id(), now.size(),
                                Optional.of(now.version()))));
            }
            save(runbook.get(), new PublishedState(state.pageId(), state.parentId(), state.version(), state.contentHash(), state.title(),
                    state.labels(), adopted, state.publishedAt()));
        });
    }

    /** The page is gone and stays gone: the connector stops managing it, and its runbook will be created again by its next publish. */
    void forget(ManagedPage managed, Optional<Runbook> runbook) {
        managedPages.delete(managed.connection(), managed.pageId());
        stateOf(managed, runbook).ifPresent(state -> runbooks.update(runbook.get().forgetDeletedPage()));
    }

    /**
     * The runbook's page was created again without {@code files}, which the connector wrote to the page before: they stay the
     * runbook's files, missing from the page (so scans report them and the runbook is {@code DRIFTED}) until they are sent again.
     */
    void stillMissing(Runbook before, List<PublishedAttachment> files) {
        runbooks.find(before.workspace(), before.id()).filter(r -> r.published().isPresent())
                .ifPresent(now -> runbooks.update(now.published(now.published().get().lacking(files)).scanned(true)));
    }

    /** The connector's content was written back as {@code written}: that version holds it now. */
    void restored(ManagedPage managed, Optional<Runbook> runbook, Page written, Instant now) {
        managedPages.save(new ManagedPage(managed.connection(), managed.pageId(), managed.space(), managed.title(), managed.parentId(),
                managed.role(), managed.runbook(), written.version().number(), managed.contentHash(), managed.labels(), now));
        stateOf(managed, runbook).ifPresent(state -> save(runbook.get(), new PublishedState(state.pageId(), state.parentId(),
                written.version().number(), state.contentHash(), state.title(), state.labels(), state.attachments(), state.publishedAt())));
    }

    /** The runbook's published state, when it is this page's. */
    private static Optional<PublishedState> stateOf(ManagedPage managed, Optional<Runbook> runbook) {
        return runbook.flatMap(Runbook::published).filter(s -> s.pageId().equals(managed.pageId()));
    }

    private void save(Runbook runbook, PublishedState state) {
        runbooks.update(runbook.published(state));
    }
}
