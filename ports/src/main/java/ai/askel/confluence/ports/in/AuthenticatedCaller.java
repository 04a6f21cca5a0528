package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.WorkspaceId;
import java.util.Objects;

/** Whose API key a request carried: the workspace, and the key's visible prefix for the audit log. */
public record AuthenticatedCaller(WorkspaceId workspace, String keyPrefix) {
    public AuthenticatedCaller {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
    }
}
