package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.ContentHash;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.ConflictException;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.ports.in.IdempotencyDecision;
import ai.askel.confluence.ports.in.IdempotencyUseCase;
import ai.askel.confluence.ports.out.ClockPort;
import ai.askel.confluence.ports.out.IdempotencyRecord;
import ai.askel.confluence.ports.out.IdempotencyRepositoryPort;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Idempotency keys: the first request claims the key (atomically, in the repository); the same key
 * with the same request replays the stored response, with another request is refused, and while the
 * first is still running is a conflict. Keys expire after the configured TTL (24 hours by default).
 *
 * <p>A claim is a lease (30 seconds by default) that the running request renews; a request whose
 * process died stops renewing, and once its lease ran out a retry with the same request takes the
 * claim over and does the work (the use cases recover work that was half done, such as a page create
 * whose answer was lost).
 */
final class IdempotencyService implements IdempotencyUseCase {
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    /** Claim, find and expire can race with other requests; a few rounds settle it. */
    private static final int ATTEMPTS = 3;

    private final IdempotencyRepositoryPort records;
    private final ClockPort clock;
    private final UseCaseSettings settings;

    @Inject
    public IdempotencyService(IdempotencyRepositoryPort records, ClockPort clock, UseCaseSettings settings) {
        this.records = records;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public IdempotencyDecision begin(WorkspaceId workspace, String key, ContentHash requestHash) {
        requireKey(key);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Instant now = clock.now();
            if (records.tryClaim(new IdempotencyRecord(workspace, key, requestHash, Optional.empty(), now, now.plus(settings.idempotencyTtl()),
                    now.plus(settings.idempotencyLease())))) {
                return IdempotencyDecision.proceed();
            }
            Optional<IdempotencyRecord> existing = records.find(workspace, key);
            if (existing.isEmpty()) {
                continue; // released or expired meanwhile: claim again
            }
            IdempotencyRecord record = existing.get();
            if (record.expiresAt().isBefore(now)) {
                records.deleteExpired(now);
                continue;
            }
            if (!record.requestHash().equals(requestHash)) {
                throw new ConnectorException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                        "Idempotency-Key '%s' was already used with a different request".formatted(key));
            }
            if (record.response().isPresent()) {
                return new IdempotencyDecision(record.response());
            }
            if (record.isAbandoned(now)) {
                if (records.takeOver(workspace, key, requestHash, now, now.plus(settings.idempotencyLease()))) {
                    return IdempotencyDecision.proceed();
                }
                continue; // another retry took it over, or it completed meanwhile
            }
            throw new ConflictException("a request with Idempotency-Key '%s' is still in progress; retry later (within %d s if it died)"
                    .formatted(key, Math.max(1, java.time.Duration.between(now, record.leaseExpiresAt()).toSeconds() + 1)));
        }
        throw new ConflictException("Idempotency-Key '%s' is contended; retry later".formatted(key));
    }

    @Override
    public void renew(WorkspaceId workspace, String key) {
        records.renew(workspace, key, clock.now().plus(settings.idempotencyLease()));
    }

    @Override
    public Duration renewalInterval() {
        return settings.idempotencyLease().dividedBy(3);
    }

    @Override
    public void complete(WorkspaceId workspace, String key, IdempotencyRecord.StoredResponse response) {
        records.complete(workspace, key, response);
    }

    @Override
    public void release(WorkspaceId workspace, String key) {
        records.release(workspace, key);
    }

    private static void requireKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw InvalidInputException.of("Idempotency-Key", "must be 1 to 255 visible ASCII characters");
        }
    }
}
