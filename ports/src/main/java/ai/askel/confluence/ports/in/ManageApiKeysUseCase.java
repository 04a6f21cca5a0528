package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.ApiKeyScope;
import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.ports.out.ApiKeyRecord;
import java.util.List;

/** API keys of the connector's HTTP API, each of one workspace and one scope. */
public interface ManageApiKeysUseCase {
    /**
     * A new key of {@code scope} in the workspace, shown this once. The default workspace always exists; any other
     * must have been created first ({@code NotFoundException} otherwise).
     */
    CreatedApiKey create(WorkspaceId workspace, String name, ApiKeyScope scope);

    /** A new key that may do everything ({@link ApiKeyScope#ADMIN}), as every key could before keys had scopes. */
    default CreatedApiKey create(WorkspaceId workspace, String name) {
        return create(workspace, name, ApiKeyScope.ADMIN);
    }

    /**
     * Accepts a key generated elsewhere (an operator's {@code ASKEL_BOOTSTRAP_API_KEY} for unattended
     * starts): stores its prefix and hash like any other, as an admin key. Adopting the same key again changes
     * nothing; a key of the wrong shape is invalid input.
     */
    ApiKeyRecord adopt(WorkspaceId workspace, String name, Secret key);

    List<ApiKeyRecord> list(WorkspaceId workspace);

    /**
     * Revokes the key. Revoking a key that is revoked already succeeds and changes nothing (no second audit event, the
     * first revocation's time stays); {@code NotFoundException} if the workspace has no key with that id.
     */
    void revoke(WorkspaceId workspace, String keyId);
}
