package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.ApiKeyScope;
import ai.askel.confluence.domain.WorkspaceId;
import java.util.Objects;

/** Whose API key a request carried: the workspace, the key's visible prefix for the audit log, and what the key may do. */
public record AuthenticatedCaller(WorkspaceId workspace, String keyPrefix, ApiKeyScope scope) {
    public AuthenticatedCaller {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        Objects.requireNonNull(scope, "scope");
    }
}
