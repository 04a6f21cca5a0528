package ai.askel.confluence.adapter.confluence;

import ai.askel.confluence.ports.out.AttachmentUpload;
import ai.askel.confluence.ports.out.UploadProgressListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@code multipart/form-data} body (RFC 7578) with parts {@code file}, {@code comment} and
 * {@code minorEdit}, whose file part streams from the upload's source: the file is read in small
 * chunks as the connection takes them and is never held in memory. Its exact length is known up
 * front, so it is sent with a Content-Length (no chunking).
 */
final class MultipartUpload {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String boundary;
    private final byte[] head;
    private final byte[] tail;
    private final AttachmentUpload upload;

    MultipartUpload(AttachmentUpload upload) {
        this.upload = upload;
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        this.boundary = "askel-" + HexFormat.of().formatHex(random);
        String fileName = upload.fileName().replace("\"", "%22");
        this.head = ("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + upload.mediaType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        StringBuilder t = new StringBuilder("\r\n");
        upload.comment().ifPresent(comment -> t.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"comment\"\r\n")
                .append("Content-Type: text/plain; charset=UTF-8\r\n\r\n")
                .append(comment).append("\r\n"));
        t.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"minorEdit\"\r\n\r\n")
                .append(upload.minorEdit()).append("\r\n")
                .append("--").append(boundary).append("--\r\n");
        this.tail = t.toString().getBytes(StandardCharsets.UTF_8);
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** Bytes on the wire: the parts' headers and the file. */
    long contentLength() {
        return head.length + upload.size() + tail.length;
    }

    /** A fresh body (each retry re-opens the source), reporting file bytes sent to {@code listener}. */
    HttpRequest.BodyPublisher publisher(UploadProgressListener listener) {
        HttpRequest.BodyPublisher file = HttpRequest.BodyPublishers.ofInputStream(() -> {
            try {
                return upload.content().open();
            } catch (IOException e) {
                throw new UncheckedIOException("could not open the attachment's content", e);
            }
        });
        HttpRequest.BodyPublisher all = HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                new Counting(file, upload.size(), listener), HttpRequest.BodyPublishers.ofByteArray(tail));
        return HttpRequest.BodyPublishers.fromPublisher(all, contentLength());
    }

    /** Passes the file's chunks on, counting them for the progress listener. */
    private static final class Counting implements HttpRequest.BodyPublisher {
        private final HttpRequest.BodyPublisher delegate;
        private final long total;
        private final UploadProgressListener listener;

        Counting(HttpRequest.BodyPublisher delegate, long total, UploadProgressListener listener) {
            this.delegate = delegate;
            this.total = total;
            this.listener = listener;
        }

        @Override
        public long contentLength() {
            return delegate.contentLength();
        }

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
            AtomicLong sent = new AtomicLong();
            delegate.subscribe(new Flow.Subscriber<>() {
                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    subscriber.onSubscribe(subscription);
                }

                @Override
                public void onNext(ByteBuffer item) {
                    long now = sent.addAndGet(item.remaining());
                    subscriber.onNext(item);
                    listener.progress(now, total);
                }

                @Override
                public void onError(Throwable throwable) {
                    subscriber.onError(throwable);
                }

                @Override
                public void onComplete() {
                    subscriber.onComplete();
                }
            });
        }
    }
}
