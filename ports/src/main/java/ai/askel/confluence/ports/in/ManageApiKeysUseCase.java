package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.ports.out.ApiKeyRecord;
import java.util.List;

/** API keys of the connector's HTTP API. */
public interface ManageApiKeysUseCase {
    /** A new key in the workspace (a new workspace if it has none yet). */
    CreatedApiKey create(WorkspaceId workspace, String name);

    /**
     * Accepts a key generated elsewhere (an operator's {@code ASKEL_BOOTSTRAP_API_KEY} for unattended
     * starts): stores its prefix and hash like any other. Adopting the same key again changes nothing;
     * a key of the wrong shape is invalid input.
     */
    ApiKeyRecord adopt(WorkspaceId workspace, String name, ai.askel.confluence.domain.Secret key);

    List<ApiKeyRecord> list(WorkspaceId workspace);

    /** Revokes the key; {@code NotFoundException} if the workspace has no such active key. */
    void revoke(WorkspaceId workspace, String keyId);
}
