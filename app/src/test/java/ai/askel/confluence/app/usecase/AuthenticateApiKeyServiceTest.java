package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.ports.in.AuthenticatedCaller;
import ai.askel.confluence.ports.in.CreatedApiKey;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AuthenticateApiKeyServiceTest {
    private final UseCaseFixture f = new UseCaseFixture();
    private final ManageApiKeysService manage = new ManageApiKeysService(f.apiKeys, f.clock, f.audit);
    private final AuthenticateApiKeyService authenticate = new AuthenticateApiKeyService(f.apiKeys);
    private final WorkspaceId workspace = f.workspace;

    @Test
    void a_valid_key_authenticates_as_its_workspace() {
        CreatedApiKey created = manage.create(workspace, "ci");

        AuthenticatedCaller caller = authenticate.authenticate(created.key().reveal());

        assertThat(caller.workspace()).isEqualTo(workspace);
        assertThat(caller.keyPrefix()).isEqualTo(created.record().prefix());
    }

    @Test
    void missing_malformed_unknown_wrong_and_revoked_keys_all_fail_with_the_same_error() {
        CreatedApiKey created = manage.create(workspace, "ci");
        String key = created.key().reveal();
        String wrongSecret = key.substring(0, 13) + (key.charAt(13) == 'a' ? 'b' : 'a') + key.substring(14);
        String unknownPrefix = "ask_" + (key.charAt(4) == 'Z' ? 'Y' : 'Z') + key.substring(5);
        CreatedApiKey revoked = manage.create(workspace, "old");
        manage.revoke(workspace, revoked.record().id());

        List<String> presented = new ArrayList<>(List.of("", "Bearer " + key, key + "x", "ask_short_key", wrongSecret, unknownPrefix,
                revoked.key().reveal()));
        presented.add(null);
        for (String attempt : presented) {
            ConnectorException e = catchThrowableOfType(() -> authenticate.authenticate(attempt), ConnectorException.class);
            assertThat(e).as("presented %s", attempt).isNotNull();
            assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
            assertThat(e.getMessage()).isEqualTo(AuthenticateApiKeyService.MESSAGE);
        }
    }

    @Test
    void a_well_formed_key_with_an_unknown_prefix_takes_the_same_lookup_and_compare_path() {
        manage.create(workspace, "ci");
        int before = f.apiKeys.lookups.get();

        assertThatThrownBy(() -> authenticate.authenticate("ask_AAAAAAAA_" + "B".repeat(32))).isInstanceOf(ConnectorException.class);
        assertThatThrownBy(() -> authenticate.authenticate("malformed")).isInstanceOf(ConnectorException.class);

        assertThat(f.apiKeys.lookups.get() - before).as("only the well-formed key is looked up").isEqualTo(1);
    }

    @Test
    void a_signed_in_caller_stands_until_its_key_is_revoked() {
        CreatedApiKey created = manage.create(workspace, "console");
        AuthenticatedCaller caller = authenticate.authenticate(created.key().reveal());

        assertThat(authenticate.current(caller)).contains(caller);
        manage.revoke(workspace, created.record().id());

        assertThat(authenticate.current(caller)).isEmpty();
    }

    @Test
    void a_caller_of_another_workspace_with_the_same_prefix_is_not_current() {
        CreatedApiKey created = manage.create(workspace, "console");
        AuthenticatedCaller caller = authenticate.authenticate(created.key().reveal());

        assertThat(authenticate.current(new AuthenticatedCaller(WorkspaceId.random(), caller.keyPrefix(), caller.scope()))).isEmpty();
    }
}
