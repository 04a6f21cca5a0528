package ai.askel.confluence.domain.error;

/** The caller is known, but its API key's scope does not allow what it asked for. */
public class ForbiddenException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    public ForbiddenException(String message) {
        super(ErrorCode.FORBIDDEN, message);
    }
}
