package ai.askel.confluence.adapter.http;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the HTTP API listens: host and port (0 picks a free port), the largest JSON body (Confluence's
 * own cap is 5 MB), the largest attachment (streamed, never held in memory), how long an idle
 * connection is kept, and where multipart uploads spill to disk (the JVM's temp directory if empty).
 * And how one request is bounded: {@code requestDeadline} for its work (an upload gets one more second
 * per {@link #MIN_UPLOAD_BYTES_PER_SECOND}), {@code bodyReadTimeout} for receiving a JSON body whole
 * (an upload: the same plus its size at the minimum rate), {@code maxThreads} server threads of which
 * {@code reservedThreads} never serve API calls (health, metrics and quick refusals always find one),
 * and at most {@code maxMultipartParts} parts in an upload.
 */
public record HttpServerSettings(String host, int port, long maxJsonBodyBytes, long maxAttachmentBytes,
                                 Duration idleTimeout, Optional<Path> uploadDirectory, Duration requestDeadline,
                                 Duration bodyReadTimeout, int maxThreads, int reservedThreads, int maxMultipartParts) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_JSON_BODY_BYTES = 5L * 1024 * 1024;
    public static final long DEFAULT_MAX_ATTACHMENT_BYTES = 100L * 1024 * 1024;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_REQUEST_DEADLINE = Duration.ofSeconds(30);
    public static final Duration DEFAULT_BODY_READ_TIMEOUT = Duration.ofSeconds(20);
    public static final int DEFAULT_MAX_THREADS = 200;
    public static final int DEFAULT_RESERVED_THREADS = 40;
    /**
     * Enough for every legitimate multipart body: a runbook publish's {@code request} part and its 20 files, and the
     * console's publish form (each template input and table cell is a field); a body of thousands of tiny parts is refused.
     */
    public static final int DEFAULT_MAX_MULTIPART_PARTS = 256;
    /** The slowest an upload may arrive, or be passed on to Confluence, before it counts as stalled. */
    public static final long MIN_UPLOAD_BYTES_PER_SECOND = 256 * 1024;

    /** The settings without the request bounds, which take their defaults. */
    public HttpServerSettings(String host, int port, long maxJsonBodyBytes, long maxAttachmentBytes, Duration idleTimeout,
                              Optional<Path> uploadDirectory) {
        this(host, port, maxJsonBodyBytes, maxAttachmentBytes, idleTimeout, uploadDirectory, DEFAULT_REQUEST_DEADLINE,
                DEFAULT_BODY_READ_TIMEOUT, DEFAULT_MAX_THREADS, DEFAULT_RESERVED_THREADS, DEFAULT_MAX_MULTIPART_PARTS);
    }

    public HttpServerSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is required");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (maxJsonBodyBytes < 1) {
            throw new IllegalArgumentException("maxJsonBodyBytes must be positive");
        }
        if (maxAttachmentBytes < 1) {
            throw new IllegalArgumentException("maxAttachmentBytes must be positive");
        }
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive");
        }
        Objects.requireNonNull(uploadDirectory, "uploadDirectory");
        positive(requestDeadline, "requestDeadline");
        positive(bodyReadTimeout, "bodyReadTimeout");
        if (maxThreads < 16) {
            throw new IllegalArgumentException("maxThreads must be at least 16, was " + maxThreads);
        }
        if (reservedThreads < 4 || reservedThreads > maxThreads - 8) {
            throw new IllegalArgumentException("reservedThreads must be 4.." + (maxThreads - 8) + ", was " + reservedThreads);
        }
        if (maxMultipartParts < 2) {
            throw new IllegalArgumentException("maxMultipartParts must be at least 2 (file and comment)");
        }
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /** API requests served at once: the threads not held in reserve. */
    public int apiConcurrency() {
        return maxThreads - reservedThreads;
    }

    /** The same settings with other request bounds. */
    public HttpServerSettings withBounds(Duration newRequestDeadline, Duration newBodyReadTimeout, int newMaxThreads, int newReservedThreads) {
        return new HttpServerSettings(host, port, maxJsonBodyBytes, maxAttachmentBytes, idleTimeout, uploadDirectory, newRequestDeadline,
                newBodyReadTimeout, newMaxThreads, newReservedThreads, maxMultipartParts);
    }

    /** 127.0.0.1:8080, 5 MB JSON bodies, 100 MB attachments, 30 s idle timeout. */
    public static HttpServerSettings defaults() {
        return new HttpServerSettings(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_JSON_BODY_BYTES, DEFAULT_MAX_ATTACHMENT_BYTES,
                DEFAULT_IDLE_TIMEOUT, Optional.empty());
    }

    public HttpServerSettings withHost(String newHost) {
        return new HttpServerSettings(newHost, port, maxJsonBodyBytes, maxAttachmentBytes, idleTimeout, uploadDirectory, requestDeadline,
                bodyReadTimeout, maxThreads, reservedThreads, maxMultipartParts);
    }

    public HttpServerSettings withPort(int newPort) {
        return new HttpServerSettings(host, newPort, maxJsonBodyBytes, maxAttachmentBytes, idleTimeout, uploadDirectory, requestDeadline,
                bodyReadTimeout, maxThreads, reservedThreads, maxMultipartParts);
    }

    public HttpServerSettings withUploadDirectory(Path directory) {
        return new HttpServerSettings(host, port, maxJsonBodyBytes, maxAttachmentBytes, idleTimeout, Optional.of(directory), requestDeadline,
                bodyReadTimeout, maxThreads, reservedThreads, maxMultipartParts);
    }

    public HttpServerSettings withMaxAttachmentBytes(long newMax) {
        return new HttpServerSettings(host, port, maxJsonBodyBytes, newMax, idleTimeout, uploadDirectory, requestDeadline,
                bodyReadTimeout, maxThreads, reservedThreads, maxMultipartParts);
    }
}
