package ai.askel.confluence.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.ApiKeyScope;
import ai.askel.confluence.domain.ContentHash;
import ai.askel.confluence.domain.Workspace;
import ai.askel.confluence.domain.WorkspaceIds;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.ConflictException;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.ports.out.ApiKeyRecord;
import ai.askel.confluence.ports.out.ApiKeyRepositoryPort;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link ApiKeyRepositoryPort}: every database runs it, and so does the app against its in-memory fake. */
public abstract class ApiKeyRepositoryContract extends RepositoryContract {
    private ApiKeyRepositoryPort keys;
    private WorkspaceId workspace;

    protected ApiKeyRepositoryContract(Source source) {
        super(source);
    }

    @BeforeEach
    public void freshWorkspace() {
        keys = ports.apiKeys();
        workspace = newWorkspace();
    }

    private WorkspaceId newWorkspace() {
        WorkspaceId id = WorkspaceId.random();
        ports.workspaces().insert(new Workspace(id, "tenant " + id, Fixtures.NOW));
        return id;
    }

    private static ApiKeyRecord key(WorkspaceId workspace, String name) {
        return key(workspace, name, ApiKeyScope.WRITE);
    }

    private static ApiKeyRecord key(WorkspaceId workspace, String name, ApiKeyScope scope) {
        String secretPart = UUID.randomUUID().toString();
        return new ApiKeyRecord(UUID.randomUUID().toString(), workspace, name, "ask_" + secretPart.substring(0, 8),
                ContentHash.of("ask_" + secretPart), scope, Fixtures.NOW, Optional.empty());
    }

    @Test
    public void an_inserted_key_is_found_by_its_prefix_with_its_scope() {
        ApiKeyRecord first = key(workspace, "ci", ApiKeyScope.READ);
        ApiKeyRecord second = key(workspace, "backstage", ApiKeyScope.ADMIN);

        keys.insert(first);
        keys.insert(second);

        assertThat(keys.findByPrefix(first.prefix())).contains(first);
        assertThat(keys.findByPrefix(second.prefix()).orElseThrow().scope()).isEqualTo(ApiKeyScope.ADMIN);
        assertThat(keys.list(workspace)).containsExactlyInAnyOrder(first, second);
    }

    @Test
    public void the_default_workspace_exists_without_being_created_and_takes_keys() {
        ApiKeyRecord key = key(WorkspaceIds.DEFAULT, "operator", ApiKeyScope.ADMIN);

        keys.insert(key);

        assertThat(keys.list(WorkspaceIds.DEFAULT)).contains(key);
        assertThat(ports.workspaces().find(WorkspaceIds.DEFAULT)).hasValueSatisfying(w -> assertThat(w.name()).isEqualTo("default"));
    }

    @Test
    public void a_key_of_a_workspace_that_was_never_created_is_refused_and_nothing_is_stored() {
        WorkspaceId unknown = WorkspaceId.random();
        ApiKeyRecord key = key(unknown, "ci");

        assertThatThrownBy(() -> keys.insert(key)).isInstanceOf(NotFoundException.class).hasMessageContaining(unknown.value());
        assertThat(keys.findByPrefix(key.prefix())).isEmpty();
        assertThat(ports.workspaces().find(unknown)).isEmpty();
    }

    @Test
    public void a_prefix_is_unique_across_workspaces() {
        ApiKeyRecord first = key(workspace, "ci");
        keys.insert(first);
        ApiKeyRecord clash = new ApiKeyRecord(UUID.randomUUID().toString(), newWorkspace(), "other", first.prefix(),
                ContentHash.of("other"), ApiKeyScope.READ, Fixtures.NOW, Optional.empty());

        assertThatThrownBy(() -> keys.insert(clash)).isInstanceOf(ConflictException.class).hasMessageContaining(first.prefix());
        assertThat(keys.list(clash.workspace())).isEmpty();
        assertThat(keys.findByPrefix(first.prefix())).contains(first);
    }

    @Test
    public void a_key_too_long_for_its_columns_is_invalid_input_and_not_stored() {
        ApiKeyRecord tooLong = key(workspace, "n".repeat(201));

        assertThatThrownBy(() -> keys.insert(tooLong)).isInstanceOf(InvalidInputException.class);
        assertThat(keys.list(workspace)).isEmpty();
    }

    @Test
    public void an_unknown_prefix_is_not_found_and_another_workspace_lists_nothing() {
        keys.insert(key(workspace, "ci"));

        assertThat(keys.findByPrefix("ask_nothere")).isEmpty();
        assertThat(keys.list(WorkspaceId.random())).isEmpty();
    }

    @Test
    public void revoke_marks_an_active_key_once_and_only_in_its_workspace() {
        ApiKeyRecord key = key(workspace, "ci");
        keys.insert(key);

        assertThat(keys.revoke(WorkspaceId.random(), key.id(), Fixtures.NOW)).isFalse();
        assertThat(keys.findByPrefix(key.prefix()).orElseThrow().isActive()).isTrue();
        assertThat(keys.revoke(workspace, key.id(), Fixtures.NOW.plusSeconds(10))).isTrue();
        assertThat(keys.revoke(workspace, key.id(), Fixtures.NOW.plusSeconds(20))).isFalse();
        assertThat(keys.findByPrefix(key.prefix()).orElseThrow().revokedAt()).contains(Fixtures.NOW.plusSeconds(10));
        assertThat(keys.revoke(workspace, "no-such-key", Fixtures.NOW)).isFalse();
    }
}
