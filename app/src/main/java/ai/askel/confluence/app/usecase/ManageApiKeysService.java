package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.ApiKeyScope;
import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.ConflictException;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.ports.in.CreatedApiKey;
import ai.askel.confluence.ports.in.ManageApiKeysUseCase;
import ai.askel.confluence.ports.out.ApiKeyRecord;
import ai.askel.confluence.ports.out.ApiKeyRepositoryPort;
import ai.askel.confluence.ports.out.ClockPort;
import jakarta.inject.Inject;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates, lists and revokes API keys; a key is shown once, and stored only as its prefix and SHA-256. A key of a
 * workspace that was never created is not found (the repository refuses it).
 */
final class ManageApiKeysService implements ManageApiKeysUseCase {
    static final int MAX_NAME_LENGTH = 100;
    /** A prefix collision among 62^8 values is rare; a few fresh draws settle it. */
    private static final int PREFIX_ATTEMPTS = 3;

    private final ApiKeyRepositoryPort keys;
    private final ClockPort clock;
    private final AuditTrail audit;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public ManageApiKeysService(ApiKeyRepositoryPort keys, ClockPort clock, AuditTrail audit) {
        this.keys = keys;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public CreatedApiKey create(WorkspaceId workspace, String name, ApiKeyScope scope) {
        String cleanName = requireName(name);
        java.util.Objects.requireNonNull(scope, "scope");
        for (int attempt = 1; ; attempt++) {
            String prefix = ApiKeyFormat.newPrefix(random);
            String key = ApiKeyFormat.newKey(random, prefix);
            ApiKeyRecord record = new ApiKeyRecord(UUID.randomUUID().toString(), workspace, cleanName, prefix,
                    ApiKeyFormat.hash(key), scope, clock.now(), Optional.empty());
            try {
                keys.insert(record);
            } catch (ConflictException e) {
                if (attempt < PREFIX_ATTEMPTS) {
                    continue;
                }
                throw e;
            }
            audit.record(workspace, "api-key.create", Optional.empty(), Optional.empty(), "created " + scope.wireName() + " key " + prefix);
            return new CreatedApiKey(record, Secret.of(key, "apiKey"));
        }
    }

    @Override
    public ApiKeyRecord adopt(WorkspaceId workspace, String name, Secret key) {
        String cleanName = requireName(name);
        String prefix = ApiKeyFormat.prefixOf(key.reveal())
                .orElseThrow(() -> InvalidInputException.of("apiKey", "is not an API key of the form ask_<8 characters>_<32 characters>"));
        Optional<ApiKeyRecord> existing = keys.findByPrefix(prefix);
        if (existing.isPresent()) {
            return sameKey(existing.get(), workspace, key, prefix);
        }
        ApiKeyRecord record = new ApiKeyRecord(UUID.randomUUID().toString(), workspace, cleanName, prefix,
                ApiKeyFormat.hash(key.reveal()), ApiKeyScope.ADMIN, clock.now(), Optional.empty());
        try {
            keys.insert(record);
        } catch (ConflictException raced) {
            // several instances starting together adopt the same bootstrap key: the first insert wins, the others find it
            return sameKey(keys.findByPrefix(prefix).orElseThrow(() -> raced), workspace, key, prefix);
        }
        audit.record(workspace, "api-key.adopt", Optional.empty(), Optional.empty(), "adopted key " + prefix);
        return record;
    }

    private static ApiKeyRecord sameKey(ApiKeyRecord record, WorkspaceId workspace, Secret key, String prefix) {
        if (!record.workspace().equals(workspace) || !record.keyHash().equals(ApiKeyFormat.hash(key.reveal()))) {
            throw new ConflictException("another API key with prefix " + prefix + " exists already");
        }
        return record;
    }

    @Override
    public List<ApiKeyRecord> list(WorkspaceId workspace) {
        return keys.list(workspace);
    }

    @Override
    public void revoke(WorkspaceId workspace, String keyId) {
        if (keyId == null || keyId.isBlank()) {
            throw new NotFoundException("API key " + keyId + " not found");
        }
        if (keys.revoke(workspace, keyId, clock.now())) {
            audit.record(workspace, "api-key.revoke", Optional.empty(), Optional.empty(), "revoked key " + keyId);
            return;
        }
        // revoking is idempotent: a key revoked already (by a retry, or another admin) stays revoked, with its first
        // revocation's time and audit event
        boolean revokedAlready = keys.list(workspace).stream().anyMatch(key -> key.id().equals(keyId) && !key.isActive());
        if (!revokedAlready) {
            throw new NotFoundException("API key " + keyId + " not found");
        }
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw InvalidInputException.of("name", "is required");
        }
        String stripped = name.strip();
        if (stripped.chars().anyMatch(Character::isISOControl)) {
            throw InvalidInputException.of("name", "must not contain control characters");
        }
        if (stripped.length() > MAX_NAME_LENGTH) {
            throw InvalidInputException.of("name", "is %d characters long; at most %d are allowed".formatted(stripped.length(), MAX_NAME_LENGTH));
        }
        return stripped;
    }
}
