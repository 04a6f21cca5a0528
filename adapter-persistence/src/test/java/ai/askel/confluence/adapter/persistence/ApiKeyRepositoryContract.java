package ai.askel.confluence.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.ContentHash;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.ConflictException;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.ports.out.ApiKeyRecord;
import ai.askel.confluence.ports.out.ApiKeyRepositoryPort;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link ApiKeyRepositoryPort}, run against every database. */
abstract class ApiKeyRepositoryContract extends PersistenceContract {
    private ApiKeyRepositoryPort keys;
    private WorkspaceId workspace;

    @BeforeEach
    void freshWorkspace() {
        keys = persistence.apiKeys();
        workspace = WorkspaceId.random();
    }

    private static ApiKeyRecord key(WorkspaceId workspace, String name) {
        String secretPart = UUID.randomUUID().toString();
        return new ApiKeyRecord(UUID.randomUUID().toString(), workspace, name, "ask_" + secretPart.substring(0, 8),
                ContentHash.of("ask_" + secretPart), Fixtures.NOW, Optional.empty());
    }

    @Test
    void an_inserted_key_creates_its_workspace_and_is_found_by_its_prefix() {
        ApiKeyRecord first = key(workspace, "ci");
        ApiKeyRecord second = key(workspace, "backstage");

        keys.insert(first);
        keys.insert(second);

        assertThat(keys.findByPrefix(first.prefix())).contains(first);
        assertThat(keys.list(workspace)).containsExactlyInAnyOrder(first, second);
        assertThat(fixture.count("SELECT COUNT(*) FROM workspace WHERE id = :v", workspace.value())).isEqualTo(1);
    }

    @Test
    void a_prefix_is_unique_across_workspaces() {
        ApiKeyRecord first = key(workspace, "ci");
        keys.insert(first);
        ApiKeyRecord clash = new ApiKeyRecord(UUID.randomUUID().toString(), WorkspaceId.random(), "other", first.prefix(),
                ContentHash.of("other"), Fixtures.NOW, Optional.empty());

        assertThatThrownBy(() -> keys.insert(clash)).isInstanceOf(ConflictException.class).hasMessageContaining(first.prefix());
        assertThat(keys.list(clash.workspace())).isEmpty();
        assertThat(keys.findByPrefix(first.prefix())).contains(first);
    }

    @Test
    void a_key_failing_after_its_workspace_row_was_written_leaves_neither_behind() {
        // the workspace row is written first, then the key row fails (its name is too long for the column)
        ApiKeyRecord tooLong = key(workspace, "n".repeat(201));

        assertThatThrownBy(() -> keys.insert(tooLong)).isInstanceOf(InvalidInputException.class);
        assertThat(keys.list(workspace)).isEmpty();
        assertThat(fixture.count("SELECT COUNT(*) FROM workspace WHERE id = :v", workspace.value())).isZero();
    }

    @Test
    void an_unknown_prefix_is_not_found_and_another_workspace_lists_nothing() {
        keys.insert(key(workspace, "ci"));

        assertThat(keys.findByPrefix("ask_nothere")).isEmpty();
        assertThat(keys.list(WorkspaceId.random())).isEmpty();
    }

    @Test
    void revoke_marks_an_active_key_once_and_only_in_its_workspace() {
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
