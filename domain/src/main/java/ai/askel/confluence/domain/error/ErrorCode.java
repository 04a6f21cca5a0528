package ai.askel.confluence.domain.error;

/**
 * Stable, machine-readable error codes. The HTTP adapter maps each code to a status in one place;
 * the CLI prints them; callers branch on them. Add codes, never rename them.
 */
public enum ErrorCode {
    /** The caller's input is invalid; the message names every problem. */
    INVALID_INPUT,
    /** The storage-format body is not something Confluence would accept. */
    INVALID_STORAGE_FORMAT,
    /** The thing does not exist, or the caller may not see it (Confluence answers 404 for both). */
    NOT_FOUND,
    /** An update was based on a version that is no longer current. */
    VERSION_CONFLICT,
    /** Something with the same identity already exists (a page title in a space, an idempotency key). */
    CONFLICT,
    /** Confluence rejected the email and API token, or treated the request as anonymous. */
    CREDENTIALS_REJECTED,
    /** Authenticated, but not allowed to do this in Confluence. */
    PERMISSION_DENIED,
    /** The API key for the connector's own HTTP API is missing, malformed or revoked. */
    UNAUTHENTICATED,
    /** The API key is valid, but its scope does not allow this (a read key asked to write, a write key to administer). */
    FORBIDDEN,
    /** Confluence kept answering 429 after the retries allowed. */
    RATE_LIMITED,
    /** The request or attachment is larger than Confluence or the configuration allows. */
    PAYLOAD_TOO_LARGE,
    /** The site URL is not a Confluence Cloud site, or not on the allow-list (SSRF guard). */
    SITE_NOT_ALLOWED,
    /** Confluence answered that the endpoint has been removed (410). */
    ENDPOINT_REMOVED,
    /** Confluence failed (5xx), could not be reached, or timed out. */
    CONFLUENCE_UNAVAILABLE,
    /** Confluence answered in a way the connector does not understand. */
    CONFLUENCE_ERROR,
    /** Confluence's answer was larger than the connector reads for that endpoint. */
    CONFLUENCE_RESPONSE_TOO_LARGE,
    /** The connection already has as many Confluence calls in flight and waiting as it may; retry after a moment. */
    CONNECTION_BUSY,
    /** The request's deadline passed before Confluence answered (or before another publish of the runbook ended); nothing more is attempted for it. */
    DEADLINE_EXCEEDED,
    /** The connector is serving as many requests as it may at once; retry after a moment. */
    SERVER_BUSY,
    /** The HTTP API has the path, but not with this method (a PATCH where only GET and POST are served). */
    METHOD_NOT_ALLOWED,
    /** The managed page was changed in Confluence since the connector last published it. */
    DRIFT_DETECTED,
    /**
     * The connection's user may still read the managed page (or its space) but may no longer change it: a space
     * permission or a page restriction was taken away since the connector last published there.
     */
    PERMISSION_LOST,
    /** The same idempotency key was used with a different request. */
    IDEMPOTENCY_KEY_REUSED,
    /** A content template is missing, broken or refused its inputs. */
    TEMPLATE_ERROR,
    /** Stored secrets cannot be decrypted with the configured master key. */
    SECRET_KEY_MISMATCH,
    /** A bug or an unexpected failure inside the connector. */
    INTERNAL
}
