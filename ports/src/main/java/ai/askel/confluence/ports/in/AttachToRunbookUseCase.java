package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.Attachment;
import ai.askel.confluence.domain.RunbookId;
import ai.askel.confluence.ports.out.AttachmentUpload;
import ai.askel.confluence.ports.out.UploadProgressListener;

/** Attaches a file to a published runbook's page and records it, so drift can watch it. */
public interface AttachToRunbookUseCase {
    Attachment attach(ConnectionRef ref, RunbookId runbook, AttachmentUpload upload, UploadProgressListener listener);
}
