package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.PageLabels;
import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PageBody;
import ai.askel.confluence.domain.PageRevision;
import ai.askel.confluence.domain.Runbook;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.storage.StorageCanonicalForm;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConfluenceLabelsPort;
import ai.askel.confluence.ports.out.ConfluencePagesPort;
import ai.askel.confluence.ports.out.ManagedPage;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Puts a managed page back as the connector last wrote it: its body (read from Confluence's own history, at the version
 * the connector recorded), its title, its place under its parent, and its labels. One read of the old version, at most
 * one PUT (which also moves the page back) and one label call; nothing is written that is already right. A page is moved
 * back only under a parent that is still there (one read): never under one deleted or in the trash.
 */
final class PageRestorer {
    private final ConfluencePagesPort pages;
    private final ConfluenceLabelsPort labels;
    private final DriftBaseline baseline;

    @Inject
    PageRestorer(ConfluencePagesPort pages, ConfluenceLabelsPort labels, DriftBaseline baseline) {
        this.pages = pages;
        this.labels = labels;
        this.baseline = baseline;
    }

    /** A description of what was put back ("body, title and place"), or empty when the page already was as written. */
    Optional<String> restore(ConfluenceAccess access, ManagedPage managed, Optional<Runbook> runbook, Page current, String message,
                             Instant now) {
        boolean ownContent = managed.ownsContent();
        PageBody body = ownContent ? pages.readVersion(access, managed.pageId(), managed.version()).map(Page::body)
                .orElseThrow(() -> new ConnectorException(ErrorCode.CONFLICT, ("version %s of page %s, the last the connector wrote, "
                        + "is no longer in Confluence's history; publish the runbook with onDrift=overwrite instead")
                        .formatted(managed.version(), managed.pageId()))) : current.body();
        TreeSet<String> restored = new TreeSet<>();
        if (!StorageCanonicalForm.equivalent(body.value(), current.body().value())) {
            restored.add("body");
        }
        if (!current.title().equals(managed.title())) {
            restored.add("title");
        }
        boolean moved = managed.parentId().isPresent() && !current.parentId().equals(managed.parentId());
        if (moved && pages.read(access, managed.parentId().get()).isEmpty()) {
            // Confluence accepts a trashed page as a parent, where nobody would see the page: never move one there
            throw new ConnectorException(ErrorCode.CONFLICT, ("%s cannot be moved back under page %s: that page is gone (deleted, "
                    + "or in the trash). Nothing was written. Adopt the finding to keep the page where it is")
                    .formatted(DriftMessages.page(managed), managed.parentId().get()));
        }
        Page written = current;
        if (moved || !restored.isEmpty()) {
            PageRevision revision = current.revise(Optional.of(managed.title()), body, Optional.of(message));
            if (moved) {
                revision = revision.under(managed.parentId().get());
                restored.add("place under page " + managed.parentId().get());
            }
            written = current.apply(revision, WriteRefusals.revise(access, pages, current, revision));
        }
        Set<Label> missing = PageLabels.of(current.labels()).missing(managed.labels());
        if (!missing.isEmpty()) {
            WriteRefusals.onPageContent(access, current, () -> {
                labels.add(access, managed.pageId(), missing);
                return current;
            });
            restored.add("labels " + missing.stream().map(Label::name).toList());
        }
        if (written != current) {
            baseline.restored(managed, runbook, written, now);
        }
        return restored.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", restored));
    }
}
