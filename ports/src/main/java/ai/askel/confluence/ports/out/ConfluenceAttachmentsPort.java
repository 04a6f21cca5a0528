package ai.askel.confluence.ports.out;

import ai.askel.confluence.domain.Attachment;
import ai.askel.confluence.domain.PageId;
import java.util.List;
import java.util.Optional;

/** Page attachments (upload is v1, listing v2). */
public interface ConfluenceAttachmentsPort {
    /** Creates the attachment or adds a version of the one with the same file name; streamed. */
    Attachment upload(ConfluenceAccess access, PageId page, AttachmentUpload upload, UploadProgressListener listener);

    /**
     * Adds the file only if the page has no attachment with its name (one request, streamed); empty when it
     * has one: an earlier upload whose answer was lost, or a concurrent publisher's. Confluence decides
     * atomically, so two processes uploading the same new file make one attachment version, not two.
     */
    Optional<Attachment> uploadNew(ConfluenceAccess access, PageId page, AttachmentUpload upload, UploadProgressListener listener);

    /** The page's attachments. */
    List<Attachment> list(ConfluenceAccess access, PageId page);
}
