package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.ports.out.ApiKeyRecord;
import java.util.List;

/** API keys of the connector's HTTP API. */
public interface ManageApiKeysUseCase {
    /** A new key in the workspace (a new workspace if it has none yet). */
    CreatedApiKey create(WorkspaceId workspace, String name);

    List<ApiKeyRecord> list(WorkspaceId workspace);

    /** Revokes the key; {@code NotFoundException} if the workspace has no such active key. */
    void revoke(WorkspaceId workspace, String keyId);
}
