package ai.askel.confluence.adapter.http;

import ai.askel.confluence.adapter.http.wiring.AdminUseCases;
import ai.askel.confluence.domain.ApiKeyScope;
import ai.askel.confluence.domain.ContentHash;
import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.Workspace;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.WorkspaceIds;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.ports.in.CreatedApiKey;
import ai.askel.confluence.ports.out.ApiKeyRecord;
import ai.askel.confluence.ports.out.AuditEvent;
import ai.askel.confluence.ports.out.AuditLogPage;
import ai.askel.confluence.ports.out.AuditQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Workspaces, keys and an audit log in memory, answering like the real services; records the queries it was asked. */
final class FakeAdministration implements AdminUseCases {
    private final Map<WorkspaceId, Workspace> workspaces = new LinkedHashMap<>();
    private final Map<String, ApiKeyRecord> keys = new LinkedHashMap<>();
    private final List<AuditEvent> events = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    final List<AuditQuery> queries = new ArrayList<>();

    FakeAdministration() {
        for (WorkspaceId id : List.of(WorkspaceIds.DEFAULT, FakeConnector.WORKSPACE_A, FakeConnector.WORKSPACE_B)) {
            workspaces.put(id, new Workspace(id, id.equals(WorkspaceIds.DEFAULT) ? "default" : "workspace " + id, FakeConnector.NOW));
        }
    }

    synchronized void addEvent(AuditEvent event) {
        events.add(event);
    }

    @Override
    public synchronized Workspace create(String name) {
        Workspace w = new Workspace(WorkspaceId.random(), Workspace.requireName(name), FakeConnector.NOW);
        workspaces.put(w.id(), w);
        return w;
    }

    @Override
    public synchronized List<Workspace> list() {
        return List.copyOf(workspaces.values());
    }

    @Override
    public synchronized Workspace get(WorkspaceId id) {
        return Optional.ofNullable(workspaces.get(id)).orElseThrow(() -> new NotFoundException("workspace " + id + " not found"));
    }

    @Override
    public synchronized CreatedApiKey create(WorkspaceId workspace, String name, ApiKeyScope scope) {
        get(workspace);
        String prefix = "pre%05d".formatted(next.incrementAndGet());
        String key = "ask_" + prefix + "_" + "k".repeat(32);
        ApiKeyRecord record = new ApiKeyRecord("key-" + prefix, workspace, name == null ? "unnamed" : name, prefix, ContentHash.of(key), scope,
                FakeConnector.NOW, Optional.empty());
        keys.put(record.id(), record);
        return new CreatedApiKey(record, Secret.token(key));
    }

    @Override
    public synchronized ApiKeyRecord adopt(WorkspaceId workspace, String name, Secret key) {
        throw new UnsupportedOperationException("the HTTP API never adopts keys");
    }

    @Override
    public synchronized List<ApiKeyRecord> list(WorkspaceId workspace) {
        return keys.values().stream().filter(k -> k.workspace().equals(workspace)).toList();
    }

    @Override
    public synchronized void revoke(WorkspaceId workspace, String keyId) {
        ApiKeyRecord k = keys.get(keyId);
        if (k == null || !k.workspace().equals(workspace)) {
            throw new NotFoundException("API key " + keyId + " not found");
        }
        if (!k.isActive()) {
            return; // revoked already: revoking is idempotent
        }
        keys.put(keyId, new ApiKeyRecord(k.id(), k.workspace(), k.name(), k.prefix(), k.keyHash(), k.scope(), k.createdAt(),
                Optional.of(FakeConnector.NOW)));
    }

    @Override
    public synchronized AuditLogPage read(AuditQuery query) {
        queries.add(query);
        List<AuditLogPage.AuditEntry> mine = new ArrayList<>();
        for (int i = events.size() - 1; i >= 0 && mine.size() < query.limit(); i--) {
            if (events.get(i).workspace().equals(query.workspace())) {
                mine.add(new AuditLogPage.AuditEntry(i + 1L, events.get(i)));
            }
        }
        return new AuditLogPage(mine, Optional.empty());
    }
}
