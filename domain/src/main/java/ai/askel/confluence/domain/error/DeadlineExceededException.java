package ai.askel.confluence.domain.error;

/**
 * The request's deadline passed while it waited for a connection's slot, for Confluence's answer, before a
 * retry or for another publish of the same runbook. A call in flight was cancelled and no further attempt is
 * made; a page create whose answer was lost this way is recovered by the next publish, never created twice.
 */
public class DeadlineExceededException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    public DeadlineExceededException(String message, String traceId) {
        super(ErrorCode.DEADLINE_EXCEEDED, message, traceId, null);
    }
}
