package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.ContentHash;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.ports.in.AuthenticateApiKeyUseCase;
import ai.askel.confluence.ports.in.AuthenticatedCaller;
import ai.askel.confluence.ports.out.ApiKeyRecord;
import ai.askel.confluence.ports.out.ApiKeyRepositoryPort;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Checks a presented API key. The hash of a well-formed key is always computed and compared with
 * {@link MessageDigest#isEqual} (against a dummy hash when the prefix is unknown), and every failure
 * (missing, malformed, unknown, wrong secret, revoked) gives the same error, so a caller learns
 * nothing about which keys exist.
 */
final class AuthenticateApiKeyService implements AuthenticateApiKeyUseCase {
    static final String MESSAGE = "a valid API key is required (Authorization: Bearer ask_...)";
    private static final ContentHash NO_KEY = ApiKeyFormat.hash("ask_00000000_00000000000000000000000000000000");

    private final ApiKeyRepositoryPort keys;

    @Inject
    public AuthenticateApiKeyService(ApiKeyRepositoryPort keys) {
        this.keys = keys;
    }

    @Override
    public AuthenticatedCaller authenticate(String presentedKey) {
        Optional<String> prefix = ApiKeyFormat.prefixOf(presentedKey);
        if (prefix.isEmpty()) {
            throw unauthenticated();
        }
        Optional<ApiKeyRecord> record = keys.findByPrefix(prefix.get());
        ContentHash expected = record.map(ApiKeyRecord::keyHash).orElse(NO_KEY);
        boolean hashMatches = MessageDigest.isEqual(
                ApiKeyFormat.hash(presentedKey).hex().getBytes(StandardCharsets.US_ASCII),
                expected.hex().getBytes(StandardCharsets.US_ASCII));
        if (!hashMatches || record.isEmpty() || !record.get().isActive()) {
            throw unauthenticated();
        }
        return caller(record.get());
    }

    @Override
    public Optional<AuthenticatedCaller> current(AuthenticatedCaller caller) {
        return keys.findByPrefix(caller.keyPrefix()).filter(ApiKeyRecord::isActive)
                .filter(record -> record.workspace().equals(caller.workspace())).map(AuthenticateApiKeyService::caller);
    }

    private static AuthenticatedCaller caller(ApiKeyRecord record) {
        return new AuthenticatedCaller(record.workspace(), record.prefix(), record.scope());
    }

    private static ConnectorException unauthenticated() {
        return new ConnectorException(ErrorCode.UNAUTHENTICATED, MESSAGE);
    }
}
