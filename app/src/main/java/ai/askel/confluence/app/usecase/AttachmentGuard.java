package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.ContentHash;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.ports.out.AttachmentUpload;
import ai.askel.confluence.ports.out.ContentSource;
import jakarta.inject.Inject;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Attachment pre-flight: the declared size against the configured maximum before anything is sent,
 * the actual bytes against it while they stream (a source that lies about its size is cut off), and
 * the SHA-256 of the content computed by streaming it, never by loading it whole.
 */
final class AttachmentGuard {
    private static final int BUFFER = 64 * 1024;

    private final long maxBytes;

    @Inject
    public AttachmentGuard(UseCaseSettings settings) {
        this.maxBytes = settings.maxAttachmentBytes();
    }

    /** Refuses an upload whose declared size is over the maximum. */
    public void checkDeclaredSize(AttachmentUpload upload) {
        if (upload.size() > maxBytes) {
            throw tooLarge(upload.fileName(), upload.size());
        }
    }

    /** The upload with its content cut off (PAYLOAD_TOO_LARGE) if it streams more bytes than allowed. */
    public AttachmentUpload limited(AttachmentUpload upload) {
        checkDeclaredSize(upload);
        ContentSource source = upload.content();
        String fileName = upload.fileName();
        ContentSource bounded = () -> new BoundedInputStream(source.open(), maxBytes, fileName);
        return new AttachmentUpload(upload.fileName(), upload.mediaType(), upload.size(), bounded, upload.comment(), upload.minorEdit());
    }

    /** The content's SHA-256 and size, streamed through a buffer; over the maximum is PAYLOAD_TOO_LARGE. */
    public Digest digest(AttachmentUpload upload) {
        checkDeclaredSize(upload);
        MessageDigest sha = ContentHash.sha256();
        long total = 0;
        try (InputStream in = new BoundedInputStream(upload.content().open(), maxBytes, upload.fileName())) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) != -1; ) {
                sha.update(buffer, 0, n);
                total += n;
            }
        } catch (IOException e) {
            throw new ConnectorException(ErrorCode.INTERNAL,
                    "reading attachment '%s' failed: %s".formatted(upload.fileName(), e.getMessage()), null, e);
        }
        if (total != upload.size()) {
            throw InvalidInputException.of("attachments." + upload.fileName() + ".size",
                    "declares %d bytes but the content has %d".formatted(upload.size(), total));
        }
        return new Digest(ContentHash.fromDigest(sha), total);
    }

    /** A streamed content's hash and length. */
    public record Digest(ContentHash hash, long size) {
    }

    private ConnectorException tooLarge(String fileName, long size) {
        return new ConnectorException(ErrorCode.PAYLOAD_TOO_LARGE,
                "attachment '%s' is %d bytes; at most %d are allowed".formatted(fileName, size, maxBytes));
    }

    private final class BoundedInputStream extends FilterInputStream {
        private final long limit;
        private final String fileName;
        private long count;

        BoundedInputStream(InputStream in, long limit, String fileName) {
            super(in);
            this.limit = limit;
            this.fileName = fileName;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b != -1) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            count += n;
            if (count > limit) {
                throw tooLarge(fileName, count);
            }
        }
    }
}
