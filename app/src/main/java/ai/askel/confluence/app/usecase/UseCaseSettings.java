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
 * @param maxConflictRetries  how many times a page update without a base version reads the page again and retries
 *                            when the page moved on between its read and its write (with a base version, never)
 */
public record UseCaseSettings(List<String> allowedSiteOrigins, long maxAttachmentBytes, Duration tokenExpiryWarning,
                              Duration idempotencyTtl, Duration idempotencyLease, int maxConflictRetries) {
    /** Confluence Cloud's default attachment limit is 100 MB. */
    public static final long DEFAULT_MAX_ATTACHMENT_BYTES = 100L * 1024 * 1024;
    public static final Duration DEFAULT_TOKEN_EXPIRY_WARNING = Duration.ofDays(14);
    public static final Duration DEFAULT_IDEMPOTENCY_TTL = Duration.ofHours(24);
    public static final Duration DEFAULT_IDEMPOTENCY_LEASE = Duration.ofSeconds(30);
    /** Renewing takes a database write; a lease shorter than this would mostly measure the renewals. */
    public static final Duration MIN_IDEMPOTENCY_LEASE = Duration.ofMillis(300);
    public static final int DEFAULT_MAX_CONFLICT_RETRIES = 3;
    /** Each retry costs a read and a write; past this many, a page this busy is better reported than chased. */
    public static final int MAX_CONFLICT_RETRIES = 10;

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
        if (maxConflictRetries < 0 || maxConflictRetries > MAX_CONFLICT_RETRIES) {
            throw InvalidInputException.of("maxConflictRetries", "must be from 0 to %d, was %d".formatted(MAX_CONFLICT_RETRIES, maxConflictRetries));
        }
    }

    public static UseCaseSettings defaults() {
        return new UseCaseSettings(List.of(), DEFAULT_MAX_ATTACHMENT_BYTES, DEFAULT_TOKEN_EXPIRY_WARNING, DEFAULT_IDEMPOTENCY_TTL,
                DEFAULT_IDEMPOTENCY_LEASE, DEFAULT_MAX_CONFLICT_RETRIES);
    }

    public UseCaseSettings withAllowedSiteOrigins(List<String> origins) {
        return new UseCaseSettings(origins, maxAttachmentBytes, tokenExpiryWarning, idempotencyTtl, idempotencyLease, maxConflictRetries);
    }

    public UseCaseSettings withMaxAttachmentBytes(long bytes) {
        return new UseCaseSettings(allowedSiteOrigins, bytes, tokenExpiryWarning, idempotencyTtl, idempotencyLease, maxConflictRetries);
    }

    public UseCaseSettings withIdempotencyLease(Duration lease) {
        return new UseCaseSettings(allowedSiteOrigins, maxAttachmentBytes, tokenExpiryWarning, idempotencyTtl, lease, maxConflictRetries);
    }

    public UseCaseSettings withTokenExpiryWarning(Duration window) {
        return new UseCaseSettings(allowedSiteOrigins, maxAttachmentBytes, window, idempotencyTtl, idempotencyLease, maxConflictRetries);
    }

    public UseCaseSettings withIdempotencyTtl(Duration ttl) {
        return new UseCaseSettings(allowedSiteOrigins, maxAttachmentBytes, tokenExpiryWarning, ttl, idempotencyLease, maxConflictRetries);
    }

    public UseCaseSettings withMaxConflictRetries(int retries) {
        return new UseCaseSettings(allowedSiteOrigins, maxAttachmentBytes, tokenExpiryWarning, idempotencyTtl, idempotencyLease, retries);
    }
}
