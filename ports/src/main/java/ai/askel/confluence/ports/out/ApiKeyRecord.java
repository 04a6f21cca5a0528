package ai.askel.confluence.ports.out;

import ai.askel.confluence.domain.ApiKeyScope;
import ai.askel.confluence.domain.ContentHash;
import ai.askel.confluence.domain.WorkspaceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored API key of the connector's HTTP API: never the key itself, only its visible prefix (to
 * find it and to show it) and a hash of the whole key (to check it), and what the key may do.
 */
public record ApiKeyRecord(String id, WorkspaceId workspace, String name, String prefix, ContentHash keyHash,
                           ApiKeyScope scope, Instant createdAt, Optional<Instant> revokedAt) {
    public ApiKeyRecord {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(keyHash, "keyHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    public boolean isActive() {
        return revokedAt.isEmpty();
    }
}
