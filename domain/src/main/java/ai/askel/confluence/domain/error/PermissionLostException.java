package ai.askel.confluence.domain.error;

/**
 * A write the connector needed was refused although the user can still read where it goes: Confluence answers 403 to a
 * write on a page with edit restrictions, and 404 (as for a page it cannot see) to a v2 write in a space where the user
 * may only view. Callers branch on it to tell "ask for the permission back" from "the page is gone".
 */
public class PermissionLostException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    public PermissionLostException(String message, String traceId, Throwable cause) {
        super(ErrorCode.PERMISSION_LOST, message, traceId, cause);
    }
}
