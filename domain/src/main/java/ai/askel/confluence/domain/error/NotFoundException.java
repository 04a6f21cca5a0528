package ai.askel.confluence.domain.error;

/** The thing does not exist, or is not visible to the caller. */
public class NotFoundException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(ErrorCode.NOT_FOUND, message);
    }

    public NotFoundException(String message, String traceId) {
        super(ErrorCode.NOT_FOUND, message, traceId, null);
    }
}
