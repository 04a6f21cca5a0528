package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.ContentHash;
import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.ports.in.CreatedApiKey;
import ai.askel.confluence.ports.out.ApiKeyRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManageApiKeysServiceTest {
    private final UseCaseFixture f = new UseCaseFixture();
    private final ManageApiKeysService manage = new ManageApiKeysService(f.apiKeys, f.clock, f.audit);
    private final AuthenticateApiKeyService authenticate = new AuthenticateApiKeyService(f.apiKeys);
    private final WorkspaceId workspace = f.workspace;

    @Test
    void a_new_key_has_the_documented_shape_and_only_its_prefix_and_hash_are_stored() {
        CreatedApiKey created = manage.create(workspace, " ci pipeline ");
        String key = created.key().reveal();

        assertThat(key).matches("ask_[0-9A-Za-z]{8}_[0-9A-Za-z]{32}");
        assertThat(created.record().prefix()).isEqualTo(key.substring(4, 12));
        assertThat(created.record().name()).isEqualTo("ci pipeline");
        assertThat(created.record().keyHash()).isEqualTo(ContentHash.ofBytes(key.getBytes(StandardCharsets.UTF_8)));
        assertThat(created.record().toString()).doesNotContain(key.substring(13));
        assertThat(created.toString()).doesNotContain(key);
        assertThat(manage.list(workspace)).containsExactly(created.record());
        assertThat(f.auditLog.all()).singleElement().satisfies(e -> assertThat(e.toString()).doesNotContain(key.substring(13)));
    }

    @Test
    void instances_adopting_the_same_bootstrap_key_at_once_all_start() {
        String key = "ask_bootstrp_0123456789abcdef0123456789abcdef";
        // the other instance inserts between this one's lookup and its insert
        ai.askel.confluence.ports.out.ApiKeyRepositoryPort racing = new ai.askel.confluence.ports.out.ApiKeyRepositoryPort() {
            private boolean first = true;

            @Override
            public void insert(ai.askel.confluence.ports.out.ApiKeyRecord record) {
                f.apiKeys.insert(record);
            }

            @Override
            public java.util.Optional<ai.askel.confluence.ports.out.ApiKeyRecord> findByPrefix(String prefix) {
                if (first) {
                    first = false;
                    new ManageApiKeysService(f.apiKeys, f.clock, f.audit).adopt(workspace, "bootstrap", Secret.of(key, "key"));
                    return java.util.Optional.empty();
                }
                return f.apiKeys.findByPrefix(prefix);
            }

            @Override
            public List<ai.askel.confluence.ports.out.ApiKeyRecord> list(WorkspaceId w) {
                return f.apiKeys.list(w);
            }

            @Override
            public boolean revoke(WorkspaceId w, String keyId, java.time.Instant at) {
                return f.apiKeys.revoke(w, keyId, at);
            }
        };

        var adopted = new ManageApiKeysService(racing, f.clock, f.audit).adopt(workspace, "bootstrap", Secret.of(key, "key"));

        assertThat(adopted.prefix()).isEqualTo("bootstrp");
        assertThat(manage.list(workspace)).containsExactly(adopted);
    }

    @Test
    void keys_are_random() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            keys.add(manage.create(workspace, "k" + i).key().reveal());
        }
        assertThat(keys).doesNotHaveDuplicates();
    }

    @Test
    void revoking_a_key_of_another_workspace_or_an_unknown_key_is_not_found() {
        CreatedApiKey created = manage.create(workspace, "ci");

        assertThatThrownBy(() -> manage.revoke(WorkspaceId.random(), created.record().id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> manage.revoke(workspace, "nope")).isInstanceOf(NotFoundException.class);
        assertThat(authenticate.authenticate(created.key().reveal()).workspace()).isEqualTo(workspace);

        manage.revoke(workspace, created.record().id());
        assertThatThrownBy(() -> manage.revoke(WorkspaceId.random(), created.record().id()))
                .as("revoked, still another workspace's").isInstanceOf(NotFoundException.class);
    }

    @Test
    void revoking_a_revoked_key_again_succeeds_and_changes_nothing() {
        CreatedApiKey created = manage.create(workspace, "ci");
        manage.revoke(workspace, created.record().id());
        ApiKeyRecord revoked = manage.list(workspace).get(0);
        int events = f.auditLog.all().size();
        f.clock.advance(java.time.Duration.ofMinutes(5));

        manage.revoke(workspace, created.record().id());

        assertThat(manage.list(workspace)).containsExactly(revoked);
        assertThat(revoked.revokedAt()).isPresent();
        assertThat(f.auditLog.all()).as("no second audit event").hasSize(events);
        assertThat(f.auditLog.all()).filteredOn(e -> e.operation().equals("api-key.revoke")).hasSize(1);
    }

    @Test
    void a_key_needs_a_name() {
        assertThatThrownBy(() -> manage.create(workspace, "  ")).isInstanceOf(InvalidInputException.class).hasMessageContaining("name");
    }

}
