package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.Attachment;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.ports.out.AttachmentUpload;
import ai.askel.confluence.ports.out.UploadProgressListener;

/** Uploads a file to a page, streamed; a file with the same name gets a new version. */
public interface UploadAttachmentUseCase {
    Attachment upload(ConnectionRef ref, PageId page, AttachmentUpload upload, UploadProgressListener listener);
}
