package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Attachment;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.UploadAttachmentUseCase;
import ai.askel.confluence.ports.out.AttachmentUpload;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConfluenceAttachmentsPort;
import ai.askel.confluence.ports.out.UploadProgressListener;
import jakarta.inject.Inject;

import java.util.Optional;

/** Uploads a file, streamed, after checking its size against the configured maximum. */
final class UploadAttachmentService implements UploadAttachmentUseCase {
    private final ConnectionLookup lookup;
    private final ConfluenceAttachmentsPort attachments;
    private final AttachmentGuard guard;
    private final AuditTrail audit;

    @Inject
    public UploadAttachmentService(ConnectionLookup lookup, ConfluenceAttachmentsPort attachments, AttachmentGuard guard,
                                   AuditTrail audit) {
        this.lookup = lookup;
        this.attachments = attachments;
        this.guard = guard;
        this.audit = audit;
    }

    @Override
    public Attachment upload(ConnectionRef ref, PageId page, AttachmentUpload upload, UploadProgressListener listener) {
        AttachmentUpload bounded = guard.limited(upload);
        ConfluenceAccess access = lookup.access(ref);
        Attachment attachment = attachments.upload(access, page, bounded, listener);
        audit.record(ref.workspace(), "attachment.upload", Optional.of(ref.connection()), Optional.of(page),
                "uploaded " + attachment.fileName() + " version " + attachment.version().number());
        return attachment;
    }
}
