package ai.askel.confluence.domain.error;

/**
 * Something with the same identity already exists, or was changed concurrently: a page title taken
 * in the space, a runbook saved by another instance first.
 */
public class ConflictException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(ErrorCode.CONFLICT, message);
    }

    public ConflictException(String message, String traceId) {
        super(ErrorCode.CONFLICT, message, traceId, null);
    }
}
