package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.error.InvalidInputException;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The tunables of the use cases.
 *
 * @param allowedSiteOrigins  origins allowed besides {@code https://*.atlassian.net} (the sandbox, a test server):
 *                            the SSRF allow-list, empty in production
 * @param maxAttachmentBytes  the largest attachment accepted, checked before upload and while streaming
 * @param tokenExpiryWarning  how long before an API token's expiry date a drift scan warns (TOKEN_EXPIRING)
 * @param idempotencyTtl      how long an Idempotency-Key is remembered
 * @param idempotencyLease    how long a request holds its Idempotency-Key without renewing the claim: a request that
 *                            died with its process frees its key this long after its last renewal
 */
public record UseCaseSettings(List<String> allowedSiteOrigins, long maxAttachmentBytes, Duration tokenExpiryWarning,
                              Duration idempotencyTtl, Duration idempotencyLease) {
    /** Confluence Cloud's default attachment limit is 100 MB. */
    public static final long DEFAULT_MAX_ATTACHMENT_BYTES = 100L * 1024 * 1024;
    public static final Duration DEFAULT_TOKEN_EXPIRY_WARNING = Duration.ofDays(14);
    public static final Duration DEFAULT_IDEMPOTENCY_TTL = Duration.ofHours(24);
    public static final Duration DEFAULT_IDEMPOTENCY_LEASE = Duration.ofSeconds(30);
    /** Renewing takes a database write; a lease shorter than this would mostly measure the renewals. */
    public static final Duration MIN_IDEMPOTENCY_LEASE = Duration.ofMillis(300);

    public UseCaseSettings {
        allowedSiteOrigins = List.copyOf(allowedSiteOrigins);
        if (maxAttachmentBytes < 1) {
            throw InvalidInputException.of("maxAttachmentBytes", "must be positive, was " + maxAttachmentBytes);
        }
        Objects.requireNonNull(tokenExpiryWarning, "tokenExpiryWarning");
        Objects.requireNonNull(idempotencyTtl, "idempotencyTtl");
        if (tokenExpiryWarning.isNegative()) {
            throw InvalidInputException.of("tokenExpiryWarning", "must not be negative");
        }
        if (idempotencyTtl.isNegative() || idempotencyTtl.isZero()) {
            throw InvalidInputException.of("idempotencyTtl", "must be positive");
        }
        Objects.requireNonNull(idempotencyLease, "idempotencyLease");
        if (idempotencyLease.compareTo(MIN_IDEMPOTENCY_LEASE) < 0 || idempotencyLease.compareTo(idempotencyTtl) > 0) {
            throw InvalidInputException.of("idempotencyLease", "must be from %d ms to the idempotency TTL, was %s"
                    .formatted(MIN_IDEMPOTENCY_LEASE.toMillis(), idempotencyLease));
        }
    }

    public static UseCaseSettings defaults() {
        return new UseCaseSettings(List.of(), DEFAULT_MAX_ATTACHMENT_BYTES, DEFAULT_TOKEN_EXPIRY_WARNING, DEFAULT_IDEMPOTENCY_TTL,
                DEFAULT_IDEMPOTENCY_LEASE);
    }

    public UseCaseSettings withAllowedSiteOrigins(List<String> origins) {
        return new UseCaseSettings(origins, maxAttachmentBytes, tokenExpiryWarning, idempotencyTtl, idempotencyLease);
    }

    public UseCaseSettings withMaxAttachmentBytes(long bytes) {
        return new UseCaseSettings(allowedSiteOrigins, bytes, tokenExpiryWarning, idempotencyTtl, idempotencyLease);
    }

    public UseCaseSettings withIdempotencyLease(Duration lease) {
        return new UseCaseSettings(allowedSiteOrigins, maxAttachmentBytes, tokenExpiryWarning, idempotencyTtl, lease);
    }

    public UseCaseSettings withTokenExpiryWarning(Duration window) {
        return new UseCaseSettings(allowedSiteOrigins, maxAttachmentBytes, window, idempotencyTtl, idempotencyLease);
    }

    public UseCaseSettings withIdempotencyTtl(Duration ttl) {
        return new UseCaseSettings(allowedSiteOrigins, maxAttachmentBytes, tokenExpiryWarning, ttl, idempotencyLease);
    }
}
