package ai.askel.confluence.ports.out;

import ai.askel.confluence.domain.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The API keys of workspaces. */
public interface ApiKeyRepositoryPort {
    /** Stores a new key (creating the default workspace's row if needed); prefixes are unique. */
    void insert(ApiKeyRecord key);

    Optional<ApiKeyRecord> findByPrefix(String prefix);

    List<ApiKeyRecord> list(WorkspaceId workspace);

    /** Marks the key revoked; answers whether an active key with that id existed in the workspace. */
    boolean revoke(WorkspaceId workspace, String keyId, Instant at);
}
