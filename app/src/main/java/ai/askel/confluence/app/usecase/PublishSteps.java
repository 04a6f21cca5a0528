package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Attachment;
import ai.askel.confluence.domain.AttachmentDigest;
import ai.askel.confluence.domain.ContentHash;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.PageRevision;
import ai.askel.confluence.domain.PageSummary;
import ai.askel.confluence.domain.PublishAction;
import ai.askel.confluence.domain.PublishDecision;
import ai.askel.confluence.domain.PublishedAttachment;
import ai.askel.confluence.domain.PublishedState;
import ai.askel.confluence.domain.Runbook;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.domain.error.VersionConflictException;
import ai.askel.confluence.ports.in.PublishOutcome;
import ai.askel.confluence.ports.out.AttachmentUpload;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConfluenceAttachmentsPort;
import ai.askel.confluence.ports.out.ConfluenceLabelsPort;
import ai.askel.confluence.ports.out.ConfluencePagesPort;
import ai.askel.confluence.ports.out.NewPage;
import ai.askel.confluence.ports.out.UploadProgressListener;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Carries out a {@link PublishDecision} in Confluence: creates the page (a lost or refused create is
 * recovered by the title lookup), or writes the next version on top of the version just read (one PUT, no
 * extra GET), or leaves it; then adds the missing labels (one call) and uploads the files the decision
 * names. It decides nothing itself.
 */
final class PublishSteps {
    private final ConfluencePagesPort pages;
    private final PageCreation creation;
    private final ParentPages parents;
    private final ConfluenceLabelsPort labels;
    private final ConfluenceAttachmentsPort attachments;
    private final AttachmentGuard guard;

    @Inject
    public PublishSteps(ConfluencePagesPort pages, PageCreation creation, ParentPages parents, ConfluenceLabelsPort labels,
                        ConfluenceAttachmentsPort attachments, AttachmentGuard guard) {
        this.pages = pages;
        this.creation = creation;
        this.parents = parents;
        this.labels = labels;
        this.attachments = attachments;
        this.guard = guard;
    }

    /** What a publish wrote: the page as it now is, the outcome, and the extras written. */
    record Written(Page page, PageId parentId, PublishOutcome outcome, PublishAction action, ContentHash contentHash,
                   Set<Label> labelsAdded, List<String> uploaded, List<PublishedAttachment> attachments) {
    }

    Written carryOut(ConfluenceAccess access, PublishRequest request, Runbook runbook, RunbookPages.Located located,
                     PublishDecision decision) {
        PageId parentId = located.parentId().orElseThrow();
        Placed placed = switch (decision.step()) {
            case CREATE -> create(access, request, runbook, located, decision);
            case WRITE -> new Placed(write(access, request, located.page().orElseThrow()), PublishOutcome.UPDATED, decision, true);
            case KEEP -> new Placed(located.page().orElseThrow(), PublishOutcome.UNCHANGED, decision, false);
            default -> throw new IllegalArgumentException("a publish does not carry out " + decision.step());
        };
        Page page = placed.page();
        Set<Label> labelsAdded = placed.decision().labelsToAdd();
        if (!labelsAdded.isEmpty()) {
            WriteRefusals.onPageContent(access, page, () -> {
                labels.add(access, page.id(), labelsAdded);
                return page;
            });
        }
        List<PublishedAttachment> written = new ArrayList<>(runbook.published().map(PublishedState::attachments).orElse(List.of()));
        List<String> uploaded = WriteRefusals.onPageContent(access, page, () -> upload(access, request, runbook, placed, written));
        ContentHash hash = request.content().expectedHash().orElseGet(() -> ContentFingerprint.of(request.title(),
                (placed.wroteBody() ? pages.read(access, page.id()).orElse(page) : page).body()));
        return new Written(page, parentId, placed.outcome(), decision.action(), hash, labelsAdded, uploaded, written);
    }

    /** The page a step left, its outcome, the decision that holds for it, and whether it got a new body. */
    private record Placed(Page page, PublishOutcome outcome, PublishDecision decision, boolean wroteBody) {
    }

    private Placed create(ConfluenceAccess access, PublishRequest request, Runbook runbook, RunbookPages.Located located,
                          PublishDecision decision) {
        PageId parentId = located.parentId().orElseThrow();
        PageCreation.Outcome outcome;
        try {
            outcome = creation.create(access, new NewPage(request.space(), request.title(), Optional.of(parentId), request.content().body()));
        } catch (NotFoundException refused) {
            // Confluence answers 404 both for a parent that is gone and for a space where the user may only view
            Optional<Page> parent = pages.read(access, parentId);
            if (parent.isPresent()) {
                throw WriteRefusals.lost(access, parent.get().title(), parentId, parent.get().space(), parent.get().webUrl(),
                        "add pages under it", refused);
            }
            if (!located.parentFromRecord()) {
                throw refused;
            }
            // the recorded parent was deleted in Confluence: forget it, and find or create it again
            parents.forget(request.ref(), parentId);
            throw new StaleRunbookException("parent page " + parentId + " is gone");
        }
        if (outcome.created().isPresent()) {
            return new Placed(outcome.created().get(), PublishOutcome.CREATED, decision, true);
        }
        // a lost or concurrent create made the page: ask again with the page as it is
        PageSummary found = RunbookPages.requireUnder(outcome.found().orElseThrow(), parentId, request);
        Page page = pages.read(access, found.id()).orElseThrow(() -> new StaleRunbookException(
                "page " + found.id() + " disappeared while it was being adopted"));
        PublishDecision again = runbook.plan(Optional.of(page), request.content(), request.command().onDrift(), List.of());
        return again.step() == PublishDecision.Step.WRITE
                ? new Placed(write(access, request, page), PublishOutcome.UPDATED, again, true)
                : new Placed(page, PublishOutcome.CREATED, again, false);
    }

    /** Writes the content on top of the version just read; the page it answers keeps the labels that read found. */
    private Page write(ConfluenceAccess access, PublishRequest request, Page remote) {
        PageRevision revision = remote.revise(Optional.of(request.title()), request.content().body(),
                Optional.of("Published by Askel from " + request.content().source().describe()));
        try {
            return remote.apply(revision, WriteRefusals.revise(access, pages, remote, revision));
        } catch (VersionConflictException e) {
            throw new StaleRunbookException("page " + remote.id() + " moved on while it was being published");
        }
    }

    /**
     * Uploads the files the decision names. A file this runbook never wrote is added create-only
     * ({@code uploadNew}): when the page has a file by that name already (an upload whose answer was lost,
     * or a concurrent publisher's, in this process or another) and it is the same file (size, type,
     * comment), that one is adopted; Confluence decides atomically, so racing publishers make one version.
     * A changed file, or another file under the name, gets a new version.
     */
    private List<String> upload(ConfluenceAccess access, PublishRequest request, Runbook runbook, Placed placed,
                                List<PublishedAttachment> written) {
        List<String> names = placed.decision().attachmentsToUpload();
        List<String> uploaded = new ArrayList<>();
        for (AttachmentDigest digest : request.content().attachments()) {
            if (!names.contains(digest.fileName())) {
                continue;
            }
            AttachmentUpload upload = guard.limited(request.upload(digest.fileName()));
            PageId page = placed.page().id();
            boolean firstTime = runbook.published().flatMap(s -> s.attachment(digest.fileName())).isEmpty();
            Optional<Attachment> added = firstTime ? attachments.uploadNew(access, page, upload, UploadProgressListener.NONE) : Optional.empty();
            Optional<Attachment> same = firstTime && added.isEmpty()
                    ? attachments.list(access, page).stream().filter(a -> a.fileName().equals(upload.fileName()) && a.size() == digest.size()
                    && a.mediaType().equalsIgnoreCase(upload.mediaType()) && a.comment().equals(upload.comment())).findFirst()
                    : Optional.empty();
            Attachment attachment = added.or(() -> same)
                    .orElseGet(() -> attachments.upload(access, page, upload, UploadProgressListener.NONE));
            if (same.isEmpty()) {
                uploaded.add(digest.fileName());
            }
            written.removeIf(a -> a.fileName().equals(digest.fileName()));
            written.add(PublishedAttachment.written(digest.fileName(), digest.hash(), attachment, digest.size()));
        }
        return uploaded;
    }
}
