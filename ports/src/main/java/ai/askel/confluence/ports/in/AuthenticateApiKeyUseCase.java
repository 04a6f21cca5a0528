package ai.askel.confluence.ports.in;

import java.util.Optional;

/** Checks a presented API key (in constant time) and says whose it is. */
public interface AuthenticateApiKeyUseCase {
    /** The caller, or {@code ErrorCode.UNAUTHENTICATED} if the key is missing, malformed, unknown or revoked. */
    AuthenticatedCaller authenticate(String presentedKey);

    /**
     * The caller as the key it was authenticated with stands now (found by its visible prefix in the same workspace);
     * empty once that key is revoked or gone. For a session that checked the whole key once and keeps only the caller
     * (the console), so that revoking the key ends the session at its next request.
     */
    Optional<AuthenticatedCaller> current(AuthenticatedCaller caller);
}
