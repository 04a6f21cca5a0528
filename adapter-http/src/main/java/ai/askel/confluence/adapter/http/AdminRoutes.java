package ai.askel.confluence.adapter.http;

import ai.askel.confluence.adapter.http.ApiJson.ApiKeyJson;
import ai.askel.confluence.adapter.http.ApiJson.AuditEventJson;
import ai.askel.confluence.adapter.http.ApiJson.CreatedApiKeyJson;
import ai.askel.confluence.adapter.http.ApiJson.ListJson;
import ai.askel.confluence.adapter.http.ApiJson.NewApiKeyJson;
import ai.askel.confluence.adapter.http.ApiJson.NewWorkspaceJson;
import ai.askel.confluence.adapter.http.ApiJson.SliceJson;
import ai.askel.confluence.adapter.http.ApiJson.WorkspaceJson;
import ai.askel.confluence.domain.ApiKeyScope;
import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.Workspace;
import ai.askel.confluence.domain.error.ForbiddenException;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.ports.in.CreatedApiKey;
import ai.askel.confluence.ports.in.ManageApiKeysUseCase;
import ai.askel.confluence.ports.in.ManageWorkspacesUseCase;
import ai.askel.confluence.ports.in.ReadAuditLogUseCase;
import ai.askel.confluence.ports.out.ApiKeyRecord;
import ai.askel.confluence.ports.out.AuditLogPage;
import ai.askel.confluence.ports.out.AuditQuery;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Administration, for admin keys only: workspaces (the operator's, that is the default workspace's, admin keys create
 * them and see them all; another workspace's admin key sees its own), a workspace's API keys (a new key is shown in
 * the one answer that creates it) and its audit log. A workspace the caller may not administer is not found.
 */
final class AdminRoutes implements Api.Group {
    static final String WORKSPACES = "/api/v1/workspaces";
    static final String WORKSPACE = WORKSPACES + "/{workspaceId}";

    private final ManageWorkspacesUseCase workspaces;
    private final ManageApiKeysUseCase keys;
    private final ReadAuditLogUseCase audit;

    @Inject
    AdminRoutes(ManageWorkspacesUseCase workspaces, ManageApiKeysUseCase keys, ReadAuditLogUseCase audit) {
        this.workspaces = workspaces;
        this.keys = keys;
        this.audit = audit;
    }

    @Override
    public void register(Api api) {
        api.admin("POST", WORKSPACES, Api.Body.JSON, call -> {
            if (!call.isOperator()) {
                throw new ForbiddenException("only an admin key of the default workspace creates workspaces");
            }
            NewWorkspaceJson json = call.body(NewWorkspaceJson.class);
            return Reply.created(workspace(workspaces.create(json == null ? null : json.name())));
        });
        api.admin("GET", WORKSPACES, Api.Body.NONE, call -> Reply.ok(new ListJson<>(
                (call.isOperator() ? workspaces.list() : List.of(workspaces.get(call.workspace()))).stream()
                        .map(AdminRoutes::workspace).toList())));
        api.admin("GET", WORKSPACE, Api.Body.NONE, call -> Reply.ok(workspace(workspaces.get(call.administeredWorkspace()))));
        api.admin("POST", WORKSPACE + "/api-keys", Api.Body.JSON, call -> {
            var workspace = call.administeredWorkspace();
            NewApiKeyJson json = call.body(NewApiKeyJson.class);
            if (json == null || json.scope() == null) {
                throw InvalidInputException.of("scope", "is required: read, write or admin");
            }
            CreatedApiKey created = keys.create(workspace, json.name(), ApiKeyScope.parse(json.scope()));
            ApiKeyRecord k = created.record();
            return Reply.created(new CreatedApiKeyJson(k.id(), k.workspace().value(), k.name(), k.prefix(), k.scope().wireName(),
                    k.createdAt().toString(), null, created.key().reveal()));
        });
        api.admin("GET", WORKSPACE + "/api-keys", Api.Body.NONE, call -> Reply.ok(new ListJson<>(
                keys.list(call.administeredWorkspace()).stream().map(AdminRoutes::apiKey).toList())));
        api.admin("DELETE", WORKSPACE + "/api-keys/{keyId}", Api.Body.NONE, call -> {
            keys.revoke(call.administeredWorkspace(), call.pathParam("keyId"));
            return Reply.noContent();
        });
        api.admin("GET", WORKSPACE + "/audit-events", Api.Body.NONE, call -> {
            AuditQuery query = new AuditQuery(call.administeredWorkspace(), instant(call, "from"), instant(call, "to"), call.query("action"),
                    auditLimit(call.query("limit")), cursor(call.cursor()));
            AuditLogPage page = audit.read(query);
            return Reply.ok(new SliceJson<>(page.entries().stream().map(AdminRoutes::auditEvent).toList(),
                    page.next().map(String::valueOf).orElse(null)));
        });
    }

    static WorkspaceJson workspace(Workspace w) {
        return new WorkspaceJson(w.id().value(), w.name(), w.createdAt().toString());
    }

    static ApiKeyJson apiKey(ApiKeyRecord k) {
        return new ApiKeyJson(k.id(), k.workspace().value(), k.name(), k.prefix(), k.scope().wireName(), k.createdAt().toString(),
                k.revokedAt().map(Instant::toString).orElse(null));
    }

    static AuditEventJson auditEvent(AuditLogPage.AuditEntry entry) {
        var e = entry.event();
        return new AuditEventJson(entry.sequence(), e.at().toString(), e.operation(), e.apiKeyPrefix().orElse(null),
                e.connection().map(ConnectionId::value).orElse(null), e.page().map(PageId::value).orElse(null), e.outcome(),
                e.traceId().orElse(null));
    }

    private static Optional<Instant> instant(Call call, String name) {
        Optional<String> raw = call.query(name);
        try {
            return raw.map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(name, "must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
        }
    }

    private static int auditLimit(Optional<String> raw) {
        if (raw.isEmpty()) {
            return AuditQuery.DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(raw.get());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("limit", "must be a number between 1 and " + AuditQuery.MAX_LIMIT);
        }
    }

    private static Optional<Long> cursor(Optional<String> raw) {
        try {
            return raw.map(Long::parseLong);
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("cursor", "is not a cursor this API gave out");
        }
    }
}
