package ai.askel.confluence.adapter.http;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the HTTP API listens: host and port (0 picks a free port), the largest JSON body (Confluence's
 * own cap is 5 MB), the largest attachment (streamed, never held in memory), how long an idle
 * connection is kept, and where multipart uploads spill to disk (the JVM's temp directory if empty).
 */
public record HttpServerSettings(String host, int port, long maxJsonBodyBytes, long maxAttachmentBytes,
                                 Duration idleTimeout, Optional<Path> uploadDirectory) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_JSON_BODY_BYTES = 5L * 1024 * 1024;
    public static final long DEFAULT_MAX_ATTACHMENT_BYTES = 100L * 1024 * 1024;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

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
    }

    /** 127.0.0.1:8080, 5 MB JSON bodies, 100 MB attachments, 30 s idle timeout. */
    public static HttpServerSettings defaults() {
        return new HttpServerSettings(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_JSON_BODY_BYTES, DEFAULT_MAX_ATTACHMENT_BYTES,
                DEFAULT_IDLE_TIMEOUT, Optional.empty());
    }

    public HttpServerSettings withHost(String newHost) {
        return new HttpServerSettings(newHost, port, maxJsonBodyBytes, maxAttachmentBytes, idleTimeout, uploadDirectory);
    }

    public HttpServerSettings withPort(int newPort) {
        return new HttpServerSettings(host, newPort, maxJsonBodyBytes, maxAttachmentBytes, idleTimeout, uploadDirectory);
    }

    public HttpServerSettings withUploadDirectory(Path directory) {
        return new HttpServerSettings(host, port, maxJsonBodyBytes, maxAttachmentBytes, idleTimeout, Optional.of(directory));
    }

    public HttpServerSettings withMaxAttachmentBytes(long newMax) {
        return new HttpServerSettings(host, port, maxJsonBodyBytes, newMax, idleTimeout, uploadDirectory);
    }
}
