package ai.askel.confluence.domain.error;

/** Confluence rejected the email and API token (401), or silently treated the caller as anonymous. */
public class CredentialsRejectedException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    public CredentialsRejectedException(String message, String traceId) {
        super(ErrorCode.CREDENTIALS_REJECTED, message, traceId, null);
    }
}
