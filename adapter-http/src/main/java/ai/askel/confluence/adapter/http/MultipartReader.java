package ai.askel.confluence.adapter.http;

import ai.askel.confluence.domain.ContentHash;
import ai.askel.confluence.domain.RunbookContent;
import ai.askel.confluence.ports.out.AttachmentUpload;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an attachment upload ({@code multipart/form-data} with a {@code file} part and an optional
 * {@code comment}), or a request with files (a {@code request} part holding the JSON, and each other
 * part a file). Jetty writes a part larger than a small threshold to a temporary file as it
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

    /** The most files one request may carry: as many as one publish may attach. */
    static final int MAX_FILES = RunbookContent.MAX_ATTACHMENTS;

    /** A parsed request with files: its JSON and the files; the hash covers both, for an idempotency key. */
    record WithFiles(byte[] request, List<Upload> files) {
        WithFiles {
            files = List.copyOf(files);
        }

        ContentHash contentHash() {
            List<String> parts = new ArrayList<>();
            parts.add(ContentHash.ofBytes(request).hex());
            files.forEach(f -> parts.add(f.contentHash().hex()));
            return ContentHash.of(parts.toArray(String[]::new));
        }

        List<AttachmentUpload> attachments() {
            return files.stream().map(Upload::attachment).toList();
        }
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
            throw refusal(e, "the attachment", max);
        }
        if (file == null) {
            throw HttpProblemException.badRequest("file", "is required: send the file as the multipart part named 'file'");
        }
        if (file.size() > max) {
            throw HttpProblemException.tooLarge("the attachment", max);
        }
        return new Upload(upload(file, Optional.ofNullable(comment).filter(c -> !c.isBlank())));
    }

    /**
     * A request with files: the {@code request} part (a form field or a part of type application/json)
     * holds the JSON, at most {@code maxJsonBytes}; every other part with a file name is a file, each
     * kept on disk past a small threshold and reopened when read.
     */
    WithFiles readWithFiles(Context ctx, long maxJsonBytes) {
        long max = settings.maxAttachmentBytes();
        if (ctx.req().getContentLengthLong() > max + ENVELOPE_BYTES) {
            throw HttpProblemException.tooLarge("the request with its files", max);
        }
        String json;
        Map<String, List<UploadedFile>> parts;
        try {
            parts = ctx.uploadedFileMap();
            json = ctx.formParam("request");
            if (json == null && parts.containsKey("request")) {
                try (InputStream in = parts.get("request").get(0).content()) {
                    json = new String(in.readNBytes((int) Math.min(maxJsonBytes + 1, Integer.MAX_VALUE - 8)), StandardCharsets.UTF_8);
                }
            }
        } catch (Exception e) { // Jetty's ServletException arrives undeclared through Kotlin
            throw refusal(e, "the request with its files", max);
        }
        if (json == null) {
            throw HttpProblemException.badRequest("request", "is required: send the JSON request as the multipart part named 'request'");
        }
        byte[] request = json.getBytes(StandardCharsets.UTF_8);
        if (request.length > maxJsonBytes) {
            throw HttpProblemException.tooLarge("the request part", maxJsonBytes);
        }
        List<Upload> files = new ArrayList<>();
        for (Map.Entry<String, List<UploadedFile>> part : parts.entrySet()) {
            if (part.getKey().equals("request")) {
                continue;
            }
            for (UploadedFile file : part.getValue()) {
                if (files.size() == MAX_FILES) {
                    throw HttpProblemException.badRequest("files", "at most %d files may be sent with one request".formatted(MAX_FILES));
                }
                files.add(new Upload(upload(file, Optional.empty())));
            }
        }
        return new WithFiles(request, files);
    }

    private static AttachmentUpload upload(UploadedFile file, Optional<String> comment) {
        String mediaType = file.contentType() == null || file.contentType().isBlank()
                ? "application/octet-stream" : RequestPipeline.mediaType(file.contentType());
        String fileName = file.filename() == null ? "" : file.filename();
        return new AttachmentUpload(fileName, mediaType, file.size(), file::content, comment, false);
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

    /** Why a multipart body could not be read, as the problem to answer: too many parts, too large, or not multipart at all. */
    private HttpProblemException refusal(Exception e, String what, long max) {
        if (tooManyParts(e)) {
            return HttpProblemException.badRequest("body", "has more than the " + settings.maxMultipartParts() + " parts allowed");
        }
        if (isSizeLimit(e)) {
            return HttpProblemException.tooLarge(what, max);
        }
        return HttpProblemException.badRequest("body", "is not a readable multipart/form-data body");
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
