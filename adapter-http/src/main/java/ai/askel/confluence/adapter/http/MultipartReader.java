package ai.askel.confluence.adapter.http;

import ai.askel.confluence.domain.ContentHash;
import ai.askel.confluence.ports.out.AttachmentUpload;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Reads an attachment upload ({@code multipart/form-data} with a {@code file} part and an optional
 * {@code comment}). Jetty writes a part larger than a small threshold to a temporary file as it
 * arrives, so the file is never held in memory; the {@link AttachmentUpload} it yields reopens that
 * file each time its content is read (a retry reads it again from the start).
 */
final class MultipartReader {
    static final String MULTIPART = "multipart/form-data";
    /** Room for the part headers, boundaries and the comment around the file itself. */
    static final long ENVELOPE_BYTES = 64 * 1024;
    /** Parts up to this size stay in memory; larger ones go to disk. */
    static final int IN_MEMORY_THRESHOLD = 64 * 1024;

    private final HttpServerSettings settings;

    @Inject
    MultipartReader(HttpServerSettings settings) {
        this.settings = settings;
    }

    /** A parsed upload: what the use case receives, and how to hash it for an idempotency key. */
    record Upload(AttachmentUpload attachment) {
        ContentHash contentHash() {
            MessageDigest digest = ContentHash.sha256();
            try (InputStream in = attachment.content().open()) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the uploaded file could not be re-read", e);
            }
            return ContentHash.of(attachment.fileName(), attachment.mediaType(), attachment.comment().orElse(""),
                    ContentHash.fromDigest(digest).hex());
        }
    }

    Upload read(Context ctx) {
        String contentType = ctx.contentType();
        if (contentType == null || !RequestPipeline.mediaType(contentType).equals(MULTIPART)) {
            throw HttpProblemException.unsupportedMediaType(MULTIPART + " (a 'file' part and an optional 'comment')", contentType);
        }
        long max = settings.maxAttachmentBytes();
        if (ctx.req().getContentLengthLong() > max + ENVELOPE_BYTES) {
            throw HttpProblemException.tooLarge("the attachment", max);
        }
        UploadedFile file;
        String comment;
        try {
            file = ctx.uploadedFile("file");
            comment = ctx.formParam("comment");
        } catch (Exception e) { // Jetty's ServletException arrives undeclared through Kotlin
            if (tooManyParts(e)) {
                throw HttpProblemException.badRequest("body", "has more than the " + settings.maxMultipartParts()
                        + " parts allowed; send a 'file' part and an optional 'comment'");
            }
            if (isSizeLimit(e)) {
                throw HttpProblemException.tooLarge("the attachment", max);
            }
            throw HttpProblemException.badRequest("body", "is not a readable multipart/form-data body");
        }
        if (file == null) {
            throw HttpProblemException.badRequest("file", "is required: send the file as the multipart part named 'file'");
        }
        if (file.size() > max) {
            throw HttpProblemException.tooLarge("the attachment", max);
        }
        String mediaType = file.contentType() == null || file.contentType().isBlank()
                ? "application/octet-stream" : RequestPipeline.mediaType(file.contentType());
        String fileName = file.filename() == null ? "" : file.filename();
        AttachmentUpload upload = new AttachmentUpload(fileName, mediaType, file.size(), file::content,
                Optional.ofNullable(comment).filter(c -> !c.isBlank()), false);
        return new Upload(upload);
    }

    /** Whether Jetty refused the multipart body for having more parts than allowed ("Form with too many keys"). */
    private static boolean tooManyParts(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("too many keys")) {
                return true;
            }
        }
        return false;
    }

    /** Whether Jetty refused the multipart body for exceeding the configured sizes. */
    private static boolean isSizeLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (message.contains("max") && (message.contains("size") || message.contains("length") || message.contains("exceeded"))) {
                return true;
            }
            if (t.getClass().getSimpleName().contains("TooLarge")) {
                return true;
            }
        }
        return false;
    }
}
