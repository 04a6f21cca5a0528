package ai.askel.confluence.ports.out;

import ai.askel.confluence.domain.Attachment;
import ai.askel.confluence.domain.PageId;
import java.util.List;

/** Page attachments (upload is v1, listing v2). */
public interface ConfluenceAttachmentsPort {
    /** Creates the attachment or adds a version of the one with the same file name; streamed. */
    Attachment upload(ConfluenceAccess access, PageId page, AttachmentUpload upload, UploadProgressListener listener);

    /** The page's attachments. */
    List<Attachment> list(ConfluenceAccess access, PageId page);
}
