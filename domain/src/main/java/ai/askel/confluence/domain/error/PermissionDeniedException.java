package ai.askel.confluence.domain.error;

/** The Confluence user may see the content but not change it (403). */
public class PermissionDeniedException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    public PermissionDeniedException(String message, String traceId) {
        super(ErrorCode.PERMISSION_DENIED, message, traceId, null);
    }
}
