package ai.askel.confluence.ports.in;

/** Checks a presented API key (in constant time) and says whose it is. */
public interface AuthenticateApiKeyUseCase {
    /** The caller, or {@code ErrorCode.UNAUTHENTICATED} if the key is missing, malformed, unknown or revoked. */
    AuthenticatedCaller authenticate(String presentedKey);
}
