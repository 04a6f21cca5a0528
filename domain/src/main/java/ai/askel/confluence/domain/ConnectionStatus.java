package ai.askel.confluence.domain;

/** Whether a connection's credentials last worked. */
public enum ConnectionStatus {
    /** Confluence accepted the credentials at the last check. */
    ACTIVE,
    /** Confluence rejected the credentials (revoked or expired token, or anonymous fallback). */
    CREDENTIALS_REJECTED
}
