package ai.askel.confluence.app.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.ApiKeyScope;
import ai.askel.confluence.domain.Workspace;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.WorkspaceIds;
import ai.askel.confluence.domain.error.ConflictException;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.ports.in.ActingApiKey;
import ai.askel.confluence.ports.out.AuditQuery;
import org.junit.jupiter.api.Test;

class ManageWorkspacesServiceTest {
    private final UseCaseFixture f = new UseCaseFixture();
    private final InMemoryRepositories.Workspaces workspaces = new InMemoryRepositories.Workspaces();
    private final ManageWorkspacesService manage = new ManageWorkspacesService(workspaces, f.clock, f.audit);
    private final ReadAuditLogService audit = new ReadAuditLogService(f.auditLog);

    @Test
    void a_new_workspace_is_stored_named_and_audited_in_the_operators_log_and_its_own() {
        Workspace created = ActingApiKey.during("opkey123", () -> manage.create("  Tenant A "));

        assertThat(created.name()).isEqualTo("Tenant A");
        assertThat(created.createdAt()).isEqualTo(f.clock.now());
        assertThat(manage.get(created.id())).isEqualTo(created);
        for (WorkspaceId log : new WorkspaceId[] {WorkspaceIds.DEFAULT, created.id()}) {
            assertThat(audit.read(AuditQuery.newest(log).withAction("workspace.create")).entries()).singleElement()
                    .satisfies(e -> assertThat(e.event().apiKeyPrefix()).contains("opkey123"));
        }
    }

    @Test
    void the_default_workspace_is_listed_first_and_an_unknown_one_is_not_found() {
        f.clock.advance(java.time.Duration.ofSeconds(1));
        Workspace b = manage.create("B");

        assertThat(manage.list()).extracting(Workspace::id).containsExactly(WorkspaceIds.DEFAULT, b.id());
        assertThatThrownBy(() -> manage.get(WorkspaceId.random())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> manage.create(" ")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> manage.create("x".repeat(101))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void a_second_workspace_under_a_taken_name_is_a_conflict_and_neither_stored_nor_audited() {
        Workspace first = manage.create("Acme");
        int events = f.auditLog.all().size();

        assertThatThrownBy(() -> manage.create(" Acme ")).isInstanceOf(ConflictException.class)
                .hasMessage("a workspace named 'Acme' already exists: choose another name");

        assertThat(manage.list()).extracting(Workspace::name).containsOnlyOnce("Acme");
        assertThat(manage.list()).contains(first);
        assertThat(f.auditLog.all()).hasSize(events);
    }

    @Test
    void a_key_carries_the_scope_it_was_created_with_and_authenticates_as_it() {
        ManageApiKeysService keys = new ManageApiKeysService(f.apiKeys, f.clock, f.audit);
        AuthenticateApiKeyService authenticate = new AuthenticateApiKeyService(f.apiKeys);

        var read = keys.create(WorkspaceIds.DEFAULT, "dashboard", ApiKeyScope.READ);
        var admin = keys.create(WorkspaceIds.DEFAULT, "ops");

        assertThat(authenticate.authenticate(read.key().reveal()).scope()).isEqualTo(ApiKeyScope.READ);
        assertThat(authenticate.authenticate(admin.key().reveal()).scope()).as("without a scope: admin, as keys were").isEqualTo(ApiKeyScope.ADMIN);
        assertThat(ApiKeyScope.READ.allows(ApiKeyScope.WRITE)).isFalse();
        assertThat(ApiKeyScope.ADMIN.allows(ApiKeyScope.WRITE)).isTrue();
        assertThat(ApiKeyScope.parse(" Write ")).isEqualTo(ApiKeyScope.WRITE);
        assertThatThrownBy(() -> ApiKeyScope.parse("root")).isInstanceOf(InvalidInputException.class);
    }
}
