package ai.askel.confluence.domain.error;

import java.util.OptionalInt;

/** An update was based on a stale version; nothing was overwritten. */
public class VersionConflictException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    private final Integer currentVersion;

    public VersionConflictException(String message, OptionalInt currentVersion, String traceId) {
        super(ErrorCode.VERSION_CONFLICT, message, traceId, null);
        this.currentVersion = currentVersion.isPresent() ? currentVersion.getAsInt() : null;
    }

    /** The page's current version, when Confluence said it. */
    public OptionalInt currentVersion() {
        return currentVersion == null ? OptionalInt.empty() : OptionalInt.of(currentVersion);
    }
}
