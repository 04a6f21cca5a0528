package ai.askel.confluence.domain.error;

/** Confluence failed (5xx), could not be reached, or did not answer in time. */
public class ConfluenceUnavailableException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    public ConfluenceUnavailableException(String message, String traceId, Throwable cause) {
        super(ErrorCode.CONFLUENCE_UNAVAILABLE, message, traceId, cause);
    }
}
