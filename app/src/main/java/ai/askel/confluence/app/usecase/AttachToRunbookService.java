package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Attachment;
import ai.askel.confluence.domain.PublishedAttachment;
import ai.askel.confluence.domain.PublishedState;
import ai.askel.confluence.domain.Runbook;
import ai.askel.confluence.domain.RunbookStatus;
import ai.askel.confluence.domain.Version;
import ai.askel.confluence.domain.RunbookId;
import ai.askel.confluence.domain.error.ConflictException;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.ports.in.AttachToRunbookUseCase;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.out.AttachmentUpload;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConfluenceAttachmentsPort;
import ai.askel.confluence.ports.out.RunbookRepositoryPort;
import ai.askel.confluence.ports.out.UploadProgressListener;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * Attaches a file to a published runbook's page and records its hash, so a republish does not
 * upload it again and drift detection can watch it. The same content under the same name is not
 * uploaded twice. A template runbook is rendered again with the file among its attachments
 * ({@link RunbookRerender}): one PUT, only if the page's content changes. A file that was missing or replaced on the page
 * settles its drift finding at once ({@link AttachmentDriftCheck#settle}: one listing, only while such a finding is open).
 */
final class AttachToRunbookService implements AttachToRunbookUseCase {
    private static final int SAVE_ATTEMPTS = 3;

    private final ConnectionLookup lookup;
    private final RunbookRepositoryPort runbooks;
    private final ConfluenceAttachmentsPort attachments;
    private final AttachmentGuard guard;
    private final RunbookRerender rerender;
    private final AttachmentDriftCheck drift;
    private final AuditTrail audit;

    @Inject
    public AttachToRunbookService(ConnectionLookup lookup, RunbookRepositoryPort runbooks, ConfluenceAttachmentsPort attachments,
                                  AttachmentGuard guard, RunbookRerender rerender, AttachmentDriftCheck drift, AuditTrail audit) {
        this.lookup = lookup;
        this.runbooks = runbooks;
        this.attachments = attachments;
        this.guard = guard;
        this.rerender = rerender;
        this.drift = drift;
        this.audit = audit;
    }

    @Override
    public Attachment attach(ConnectionRef ref, RunbookId runbookId, AttachmentUpload upload, UploadProgressListener listener) {
        ConfluenceAccess access = lookup.access(ref);
        Runbook runbook = GetRunbookService.find(runbooks, ref, runbookId);
        PublishedState state = runbook.published().orElseThrow(() -> InvalidInputException.of("runbook",
                "runbook %s has not been published yet; publish it before attaching files".formatted(runbookId)));
        AttachmentGuard.Digest digest = guard.digest(upload);

        Optional<PublishedAttachment> known = state.attachment(upload.fileName()).filter(a -> a.hash().equals(digest.hash()));
        if (known.isPresent()) {
            // the connector's file is there only if Confluence still holds the version it uploaded (someone may have
            // replaced it since, under the same id): otherwise it is uploaded again, as a new version
            Optional<Attachment> existing = attachments.list(access, state.pageId()).stream()
                    .filter(a -> a.id().equals(known.get().attachmentId()))
                    .filter(a -> known.get().version().map(v -> v.equals(a.version())).orElse(a.size() == known.get().size()))
                    .findFirst();
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        Attachment uploaded = attachments.upload(access, state.pageId(), guard.limited(upload), listener);
        Runbook recorded = record(ref, runbook, PublishedAttachment.written(upload.fileName(), digest.hash(), uploaded, digest.size()));
        Optional<Version> rendered = rerender.refresh(access, ref, recorded);
        if (drift.settle(access, ref.connection(), recorded.published().orElseThrow())) {
            markDrifted(ref, runbook);
        }
        audit.record(ref.workspace(), "runbook.attach", Optional.of(ref.connection()), Optional.of(state.pageId()),
                "uploaded " + upload.fileName() + " version " + uploaded.version().number()
                        + rendered.map(v -> "; page rendered again as version " + v).orElse(""));
        return uploaded;
    }

    /**
     * Saving the file marked the runbook published; while its page still has open findings it is drifted, as a scan would
     * say. A concurrent publish that moved the runbook on decides the status itself.
     */
    private void markDrifted(ConnectionRef ref, Runbook runbook) {
        Runbook current = GetRunbookService.find(runbooks, ref, runbook.id());
        if (current.status() != RunbookStatus.DRIFTED && current.published().isPresent()) {
            try {
                runbooks.update(current.scanned(true));
            } catch (ConflictException movedOn) {
                // the publish that moved it on saved the status it found
            }
        }
    }

    private Runbook record(ConnectionRef ref, Runbook runbook, PublishedAttachment attachment) {
        Runbook current = runbook;
        for (int attempt = 1; ; attempt++) {
            PublishedState state = current.published().orElseThrow();
            try {
                return runbooks.update(current.published(state.withAttachment(attachment)));
            } catch (ConflictException e) {
                if (attempt == SAVE_ATTEMPTS) {
                    throw e;
                }
                current = GetRunbookService.find(runbooks, ref, runbook.id());
            }
        }
    }
}
