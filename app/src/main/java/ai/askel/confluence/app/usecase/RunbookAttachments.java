package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Attachment;
import ai.askel.confluence.domain.AttachmentDigest;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.PublishedAttachment;
import ai.askel.confluence.domain.Runbook;
import ai.askel.confluence.ports.out.AttachmentUpload;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConfluenceAttachmentsPort;
import ai.askel.confluence.ports.out.UploadProgressListener;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Brings a published page's attachments to what a publish asks for: uploads the files a publish decision
 * names, adopting the page's own copy of a file where it already holds it, and records what each file now is.
 */
final class RunbookAttachments {
    private final ConfluenceAttachmentsPort attachments;
    private final AttachmentGuard guard;

    @Inject
    public RunbookAttachments(ConfluenceAttachmentsPort attachments, AttachmentGuard guard) {
        this.attachments = attachments;
        this.guard = guard;
    }

    /**
     * Uploads the files named in {@code names} to {@code page}, replacing their entries in {@code written}, and
     * answers the names actually uploaded. A file this runbook never wrote is added create-only
     * ({@code uploadNew}): when the page has a file by that name already (an upload whose answer was lost,
     * or a concurrent publisher's, in this process or another) and it is the same file (size, type,
     * comment), that one is adopted; Confluence decides atomically, so racing publishers make one version.
     * A changed file, or another file under the name, gets a new version.
     */
    List<String> upload(ConfluenceAccess access, PublishRequest request, Runbook runbook, PageId page, List<String> names,
                        List<PublishedAttachment> written) {
        List<String> uploaded = new ArrayList<>();
        for (AttachmentDigest digest : request.content().attachments()) {
            if (!names.contains(digest.fileName())) {
                continue;
            }
            AttachmentUpload upload = guard.limited(request.upload(digest.fileName()));
            boolean firstTime = runbook.published().flatMap(s -> s.attachment(digest.fileName())).isEmpty();
            Optional<Attachment> added = firstTime ? attachments.uploadNew(access, page, upload, UploadProgressListener.NONE) : Optional.empty();
            Optional<Attachment> same = firstTime && added.isEmpty() ? sameFile(access, page, upload, digest) : Optional.empty();
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

    /** The page's file by the upload's name, if it is this very file: same size, media type and comment. */
    private Optional<Attachment> sameFile(ConfluenceAccess access, PageId page, AttachmentUpload upload, AttachmentDigest digest) {
        return attachments.list(access, page).stream()
                .filter(a -> a.fileName().equals(upload.fileName()) && a.size() == digest.size()
                        && a.mediaType().equalsIgnoreCase(upload.mediaType()) && a.comment().equals(upload.comment()))
                .findFirst();
    }
}
