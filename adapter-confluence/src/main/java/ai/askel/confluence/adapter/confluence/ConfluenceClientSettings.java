package ai.askel.confluence.adapter.confluence;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How the Confluence adapter talks to Confluence Cloud.
 *
 * @param gatewayOrigin           Atlassian's API gateway, for scoped tokens ({@code <origin>/ex/confluence/{cloudId}})
 * @param connectTimeout          TCP/TLS connect timeout
 * @param requestTimeout          how long to wait for an answer to one request (uploads get more, by size)
 * @param maxAttempts             attempts per call, the first included (retries only where safe)
 * @param baseBackoff             first backoff; doubled per attempt, with jitter
 * @param maxWait                 cap on any single wait, including an absurd {@code Retry-After}
 * @param concurrencyPerConnection requests in flight per connection, shared by all callers
 * @param nearLimitDelay          pause before each request to a site while Confluence says its quota is nearly used without giving counts
 * @param maxAttachmentBytes      largest attachment accepted (at most {@link #MAX_REQUEST_BYTES})
 * @param slotWait                longest wait for one of the connection's {@code concurrencyPerConnection} slots
 *                                (also bounded by the request's deadline); then {@code CONNECTION_BUSY}
 * @param maxWaitersPerConnection callers that may wait for a slot at once; one more is refused with {@code CONNECTION_BUSY} at once
 * @param maxResponseBytes        the most read of an answer that carries a page body; answers of other endpoints
 *                                are read up to half of it. Past it: {@code CONFLUENCE_RESPONSE_TOO_LARGE}
 * @param defaultDeadline         the deadline of a port call made without a {@code RequestDeadline} in scope
 */
public record ConfluenceClientSettings(URI gatewayOrigin, Duration connectTimeout, Duration requestTimeout, int maxAttempts,
                                       Duration baseBackoff, Duration maxWait, int concurrencyPerConnection,
                                       Duration nearLimitDelay, long maxAttachmentBytes,
                                       Duration slotWait, int maxWaitersPerConnection, long maxResponseBytes,
                                       Duration defaultDeadline) {
    /** Confluence Cloud refuses REST requests over 2 GB. */
    public static final long MAX_REQUEST_BYTES = 2L * 1024 * 1024 * 1024;
    public static final Duration DEFAULT_SLOT_WAIT = Duration.ofMillis(500);
    public static final int DEFAULT_MAX_WAITERS = 20;
    /** A page body is at most about 5 MB of storage format; JSON escaping and metadata can double it. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);

    /** The settings without the isolation knobs, which take their defaults. */
    public ConfluenceClientSettings(URI gatewayOrigin, Duration connectTimeout, Duration requestTimeout, int maxAttempts,
                                    Duration baseBackoff, Duration maxWait, int concurrencyPerConnection,
                                    Duration nearLimitDelay, long maxAttachmentBytes) {
        this(gatewayOrigin, connectTimeout, requestTimeout, maxAttempts, baseBackoff, maxWait, concurrencyPerConnection, nearLimitDelay,
                maxAttachmentBytes, DEFAULT_SLOT_WAIT, DEFAULT_MAX_WAITERS, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_DEADLINE);
    }

    public ConfluenceClientSettings {
        Objects.requireNonNull(gatewayOrigin, "gatewayOrigin");
        if (!gatewayOrigin.isAbsolute() || gatewayOrigin.getHost() == null) {
            throw new IllegalArgumentException("gatewayOrigin must be an absolute URL: " + gatewayOrigin);
        }
        positive(connectTimeout, "connectTimeout");
        positive(requestTimeout, "requestTimeout");
        positive(baseBackoff, "baseBackoff");
        positive(maxWait, "maxWait");
        Objects.requireNonNull(nearLimitDelay, "nearLimitDelay");
        if (nearLimitDelay.isNegative()) {
            throw new IllegalArgumentException("nearLimitDelay must not be negative");
        }
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("maxAttempts must be 1..20, was " + maxAttempts);
        }
        if (concurrencyPerConnection < 1) {
            throw new IllegalArgumentException("concurrencyPerConnection must be at least 1");
        }
        if (maxAttachmentBytes < 1 || maxAttachmentBytes > MAX_REQUEST_BYTES) {
            throw new IllegalArgumentException("maxAttachmentBytes must be 1.." + MAX_REQUEST_BYTES);
        }
        positive(slotWait, "slotWait");
        positive(defaultDeadline, "defaultDeadline");
        if (maxWaitersPerConnection < 0) {
            throw new IllegalArgumentException("maxWaitersPerConnection must not be negative");
        }
        if (maxResponseBytes < 64 * 1024) {
            throw new IllegalArgumentException("maxResponseBytes must be at least 64 KiB, was " + maxResponseBytes);
        }
    }

    /** The same settings with other isolation limits. */
    public ConfluenceClientSettings withIsolation(Duration newSlotWait, int newMaxWaiters, long newMaxResponseBytes, Duration newDefaultDeadline) {
        return new ConfluenceClientSettings(gatewayOrigin, connectTimeout, requestTimeout, maxAttempts, baseBackoff, maxWait,
                concurrencyPerConnection, nearLimitDelay, maxAttachmentBytes, newSlotWait, newMaxWaiters,
                newMaxResponseBytes, newDefaultDeadline);
    }

    /** Production defaults: Atlassian's gateway, 4 attempts from 1 s backoff, 60 s cap, 10 in flight per connection. */
    public static ConfluenceClientSettings defaults() {
        return new ConfluenceClientSettings(URI.create("https://api.atlassian.com"), Duration.ofSeconds(10), Duration.ofSeconds(60), 4,
                Duration.ofSeconds(1), Duration.ofSeconds(60), 10, Duration.ofMillis(500), MAX_REQUEST_BYTES);
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
