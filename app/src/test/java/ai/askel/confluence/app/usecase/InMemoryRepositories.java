package ai.askel.confluence.app.usecase;

import ai.askel.confluence.adapter.persistence.RepositoryPorts;
import ai.askel.confluence.domain.ContentHash;
import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftFindingId;
import ai.askel.confluence.domain.DriftScanStatus;
import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.Runbook;
import ai.askel.confluence.domain.RunbookId;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.ConflictException;
import ai.askel.confluence.ports.out.ApiKeyRecord;
import ai.askel.confluence.ports.out.ApiKeyRepositoryPort;
import ai.askel.confluence.ports.out.AuditEvent;
import ai.askel.confluence.ports.out.AuditLogPort;
import ai.askel.confluence.ports.out.ClockPort;
import ai.askel.confluence.ports.out.ConnectionRepositoryPort;
import ai.askel.confluence.ports.out.DriftFindingRepositoryPort;
import ai.askel.confluence.ports.out.DriftScanObserver;
import ai.askel.confluence.ports.out.DriftScanStatusPort;
import ai.askel.confluence.ports.out.IdempotencyRecord;
import ai.askel.confluence.ports.out.IdempotencyRepositoryPort;
import ai.askel.confluence.ports.out.ManagedPage;
import ai.askel.confluence.ports.out.ManagedPageRepositoryPort;
import ai.askel.confluence.ports.out.RunbookRepositoryPort;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * In-memory outbound ports honouring the ports' contracts (uniqueness, optimistic locking), and counting writes.
 * {@code InMemoryRepositoriesContractTest} runs the persistence adapter's contracts against them.
 */
final class InMemoryRepositories {
    private InMemoryRepositories() {
    }

    /** The repositories as one store, as a database is one: removing a connection forgets what was recorded for it. */
    static final class Store implements RepositoryPorts {
        final Connections connections = new Connections(this::forget);
        final ManagedPages managedPages = new ManagedPages();
        final AuditLog auditLog = new AuditLog();
        final Runbooks runbooks = new Runbooks(connections, managedPages, auditLog);
        final DriftFindings findings = new DriftFindings(connections);
        final DriftScans driftScans = new DriftScans(connections);
        final Workspaces workspaces = new Workspaces();
        final ApiKeys apiKeys = new ApiKeys(workspaces);
        final Idempotency idempotency = new Idempotency();

        private void forget(ConnectionId connection) {
            runbooks.forget(connection);
            managedPages.forget(connection);
            findings.forget(connection);
            driftScans.forget(connection);
        }

        @Override
        public Connections connections() {
            return connections;
        }

        @Override
        public Runbooks runbooks() {
            return runbooks;
        }

        @Override
        public ManagedPages managedPages() {
            return managedPages;
        }

        @Override
        public DriftFindings driftFindings() {
            return findings;
        }

        @Override
        public DriftScans driftScanStatus() {
            return driftScans;
        }

        @Override
        public ApiKeys apiKeys() {
            return apiKeys;
        }

        @Override
        public Workspaces workspaces() {
            return workspaces;
        }

        @Override
        public Idempotency idempotency() {
            return idempotency;
        }

        @Override
        public AuditLog auditLog() {
            return auditLog;
        }
    }

    static final class MutableClock implements ClockPort {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        @Override
        public Instant now() {
            return now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }
    }

    static final class Connections implements ConnectionRepositoryPort {
        private final Map<ConnectionId, Connection> byId = new LinkedHashMap<>();
        private final java.util.function.Consumer<ConnectionId> onDelete;
        final AtomicInteger writes = new AtomicInteger();

        /** A removal forgets what else the store recorded for the connection, as the database's cascade does. */
        Connections(java.util.function.Consumer<ConnectionId> onDelete) {
            this.onDelete = onDelete;
        }

        @Override
        public synchronized void save(Connection connection) {
            Connection same = byId.get(connection.id());
            if (same != null && !same.workspace().equals(connection.workspace())) {
                throw new ConflictException("connection %s already exists in another workspace".formatted(connection.id()));
            }
            if (byId.values().stream().anyMatch(c -> !c.id().equals(connection.id()) && c.workspace().equals(connection.workspace())
                    && c.name().equals(connection.name()))) {
                throw Connection.nameTaken(connection.name());
            }
            writes.incrementAndGet();
            byId.put(connection.id(), connection);
        }

        @Override
        public synchronized Optional<Connection> find(WorkspaceId workspace, ConnectionId id) {
            return Optional.ofNullable(byId.get(id)).filter(c -> c.workspace().equals(workspace));
        }

        @Override
        public synchronized List<Connection> list(WorkspaceId workspace) {
            return byId.values().stream().filter(c -> c.workspace().equals(workspace)).toList();
        }

        @Override
        public synchronized List<Connection> listAll() {
            return List.copyOf(byId.values());
        }

        /** What a foreign key to the connection checks: that it exists, in any workspace. */
        synchronized void requireExists(ConnectionId id) {
            if (!byId.containsKey(id)) {
                throw new ai.askel.confluence.domain.error.NotFoundException("connection %s does not exist".formatted(id));
            }
        }

        @Override
        public synchronized boolean delete(WorkspaceId workspace, ConnectionId id) {
            if (find(workspace, id).isEmpty()) {
                return false;
            }
            writes.incrementAndGet();
            byId.remove(id);
            onDelete.accept(id);
            return true;
        }
    }

    static final class Runbooks implements RunbookRepositoryPort {
        private final Map<RunbookId, Runbook> byId = new LinkedHashMap<>();
        private final Connections connections;
        private final ManagedPages pages;
        private final AuditLog audit;
        final AtomicInteger writes = new AtomicInteger();
        /** Calls of insertOrGet: a database answers each with an INSERT, which fails for a runbook already stored. */
        final AtomicInteger inserts = new AtomicInteger();
        /** Calls of findByTarget: each one a query in a database. */
        final AtomicInteger targetLookups = new AtomicInteger();

        /** Runs at the start of each insertOrGet: a test's way to have another process insert the row first. */
        volatile Runnable beforeInsert = () -> { };

        Runbooks(Connections connections, ManagedPages pages, AuditLog audit) {
            this.connections = connections;
            this.pages = pages;
            this.audit = audit;
        }

        @Override
        public Runbook insertOrGet(Runbook runbook) {
            beforeInsert.run();
            return insertOrGetNow(runbook);
        }

        private synchronized Runbook insertOrGetNow(Runbook runbook) {
            inserts.incrementAndGet();
            Optional<Runbook> existing = stored(runbook.connection(), runbook.space(), runbook.title());
            if (existing.isPresent()) {
                return existing.get();
            }
            if (runbook.revision() != 0) {
                throw new IllegalArgumentException("a new runbook is at revision 0");
            }
            connections.requireExists(runbook.connection());
            writes.incrementAndGet();
            Runbook stored = runbook.atRevision(1);
            byId.put(stored.id(), stored);
            return stored;
        }

        @Override
        public synchronized Runbook update(Runbook runbook) {
            Runbook stored = byId.get(runbook.id());
            if (stored == null || !stored.workspace().equals(runbook.workspace())) {
                throw new ai.askel.confluence.domain.error.NotFoundException("runbook %s does not exist".formatted(runbook.id()));
            }
            if (stored.revision() != runbook.revision()) {
                throw new ConflictException(("runbook %s was changed concurrently: it is at revision %d, but this change was based on"
                        + " revision %d; load it again and retry").formatted(runbook.id(), stored.revision(), runbook.revision()));
            }
            writes.incrementAndGet();
            Runbook next = runbook.atRevision(runbook.revision() + 1);
            byId.put(next.id(), next);
            return next;
        }

        /** Like the database's transaction: the page and the audit events are saved only with the runbook. */
        @Override
        public synchronized Runbook updatePublished(Runbook runbook, ManagedPage page, List<AuditEvent> reports) {
            connections.requireExists(page.connection());
            Runbook next = update(runbook);
            pages.save(page);
            reports.forEach(audit::saveWithState);
            return next;
        }

        @Override
        public synchronized Optional<Runbook> find(WorkspaceId workspace, RunbookId id) {
            return Optional.ofNullable(byId.get(id)).filter(r -> r.workspace().equals(workspace));
        }

        @Override
        public synchronized Optional<Runbook> findByTarget(ConnectionId connection, SpaceKey space, Title title) {
            targetLookups.incrementAndGet();
            return stored(connection, space, title);
        }

        private Optional<Runbook> stored(ConnectionId connection, SpaceKey space, Title title) {
            return byId.values().stream()
                    .filter(r -> r.connection().equals(connection) && r.space().equals(space) && r.title().equals(title))
                    .findFirst();
        }

        @Override
        public synchronized List<Runbook> listByConnection(ConnectionId connection) {
            return byId.values().stream().filter(r -> r.connection().equals(connection)).toList();
        }

        synchronized int count() {
            return byId.size();
        }

        synchronized void forget(ConnectionId connection) {
            byId.values().removeIf(r -> r.connection().equals(connection));
        }
    }

    static final class ManagedPages implements ManagedPageRepositoryPort {
        private record Key(ConnectionId connection, PageId page) {
        }

        private final Map<Key, ManagedPage> byKey = new LinkedHashMap<>();
        final AtomicInteger writes = new AtomicInteger();

        @Override
        public synchronized void save(ManagedPage page) {
            writes.incrementAndGet();
            byKey.put(new Key(page.connection(), page.pageId()), page);
        }

        @Override
        public synchronized Optional<ManagedPage> find(ConnectionId connection, PageId pageId) {
            return Optional.ofNullable(byKey.get(new Key(connection, pageId)));
        }

        @Override
        public synchronized Optional<ManagedPage> findByTitle(ConnectionId connection, SpaceKey space, Title title) {
            return byKey.values().stream()
                    .filter(p -> p.connection().equals(connection) && p.space().equals(space) && p.title().equals(title))
                    .findFirst();
        }

        @Override
        public synchronized List<ManagedPage> listByConnection(ConnectionId connection) {
            return byKey.values().stream().filter(p -> p.connection().equals(connection)).toList();
        }

        @Override
        public synchronized boolean delete(ConnectionId connection, PageId pageId) {
            writes.incrementAndGet();
            return byKey.remove(new Key(connection, pageId)) != null;
        }

        synchronized void forget(ConnectionId connection) {
            byKey.keySet().removeIf(k -> k.connection().equals(connection));
        }
    }

    static final class DriftFindings implements DriftFindingRepositoryPort {
        private final List<DriftFinding> all = new ArrayList<>();
        private final ConnectionRepositoryPort connections;
        final AtomicInteger writes = new AtomicInteger();
        /** Reads of every open finding of a connection (a publish needs those of its own page only). */
        final AtomicInteger connectionWideLists = new AtomicInteger();
        private long nextId = 1;

        DriftFindings(ConnectionRepositoryPort connections) {
            this.connections = connections;
        }

        @Override
        public synchronized DriftFinding recordSeen(DriftFinding finding) {
            writes.incrementAndGet();
            for (int i = 0; i < all.size(); i++) {
                DriftFinding open = all.get(i);
                if (open.isOpen() && same(open, finding.connection(), finding.pageId(), finding.kind())) {
                    DriftFinding renewed = new DriftFinding(open.id(), open.connection(), open.pageId(), open.kind(), finding.detail(),
                            open.firstSeen(), finding.lastSeen(), Optional.empty(),
                            open.detail().equals(finding.detail()) ? open.acknowledgedAt() : Optional.empty());
                    all.set(i, renewed);
                    return renewed;
                }
            }
            DriftFinding stored = new DriftFinding(Optional.of(new DriftFindingId(nextId++)), finding.connection(), finding.pageId(),
                    finding.kind(), finding.detail(), finding.firstSeen(), finding.lastSeen(), Optional.empty(), Optional.empty());
            all.add(stored);
            return stored;
        }

        @Override
        public synchronized boolean resolve(ConnectionId connection, Optional<PageId> page, DriftKind kind, Instant at) {
            for (int i = 0; i < all.size(); i++) {
                DriftFinding open = all.get(i);
                if (open.isOpen() && same(open, connection, page, kind)) {
                    writes.incrementAndGet();
                    all.set(i, new DriftFinding(open.id(), open.connection(), open.pageId(), open.kind(), open.detail(), open.firstSeen(),
                            open.lastSeen(), Optional.of(at), open.acknowledgedAt()));
                    return true;
                }
            }
            return false;
        }

        @Override
        public synchronized Optional<DriftFinding> find(ConnectionId connection, DriftFindingId id) {
            return all.stream().filter(f -> f.connection().equals(connection) && f.id().equals(Optional.of(id))).findFirst();
        }

        @Override
        public synchronized Optional<DriftFinding> acknowledge(ConnectionId connection, DriftFindingId id, Instant at) {
            for (int i = 0; i < all.size(); i++) {
                DriftFinding f = all.get(i);
                if (f.connection().equals(connection) && f.id().equals(Optional.of(id))) {
                    if (f.isOpen() && f.acknowledgedAt().isEmpty()) {
                        f = new DriftFinding(f.id(), f.connection(), f.pageId(), f.kind(), f.detail(), f.firstSeen(), f.lastSeen(),
                                f.resolvedAt(), Optional.of(at));
                        all.set(i, f);
                    }
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }

        @Override
        public synchronized List<DriftFinding> listOpen(ConnectionId connection) {
            connectionWideLists.incrementAndGet();
            return all.stream().filter(f -> f.isOpen() && f.connection().equals(connection)).toList();
        }

        @Override
        public synchronized List<DriftFinding> listOpen(ConnectionId connection, PageId page) {
            return all.stream().filter(f -> f.isOpen() && f.connection().equals(connection) && f.pageId().equals(Optional.of(page)))
                    .toList();
        }

        @Override
        public synchronized List<DriftFinding> listOpen(WorkspaceId workspace) {
            List<ConnectionId> ids = connections.list(workspace).stream().map(Connection::id).toList();
            return all.stream().filter(f -> f.isOpen() && ids.contains(f.connection())).toList();
        }

        synchronized List<DriftFinding> all() {
            return List.copyOf(all);
        }

        synchronized void forget(ConnectionId connection) {
            all.removeIf(f -> f.connection().equals(connection));
        }

        private static boolean same(DriftFinding f, ConnectionId connection, Optional<PageId> page, DriftKind kind) {
            return f.connection().equals(connection) && f.pageId().equals(page) && f.kind() == kind;
        }
    }

    static final class DriftScans implements DriftScanStatusPort, DriftScanObserver {
        private final Map<ConnectionId, DriftScanStatus> last = new LinkedHashMap<>();
        private final Connections connections;
        final List<DriftScanStatus> observed = new ArrayList<>();

        DriftScans(Connections connections) {
            this.connections = connections;
        }

        @Override
        public synchronized void record(DriftScanStatus status) {
            connections.requireExists(status.connection());
            last.put(status.connection(), status);
        }

        @Override
        public synchronized Optional<DriftScanStatus> find(ConnectionId connection) {
            return Optional.ofNullable(last.get(connection));
        }

        @Override
        public synchronized List<DriftScanStatus> list(WorkspaceId workspace) {
            return connections.list(workspace).stream().map(c -> last.get(c.id())).filter(Objects::nonNull).toList();
        }

        @Override
        public synchronized List<DriftScanStatus> listAll() {
            return List.copyOf(last.values());
        }

        @Override
        public synchronized void scanFinished(DriftScanStatus status) {
            observed.add(status);
        }

        /** The connections the observer was told were removed. */
        final List<ConnectionId> removed = new ArrayList<>();

        @Override
        public synchronized void connectionRemoved(ConnectionId connection) {
            removed.add(connection);
        }

        synchronized void forget(ConnectionId connection) {
            last.remove(connection);
        }
    }

    static final class ApiKeys implements ApiKeyRepositoryPort {
        private final Map<String, ApiKeyRecord> byPrefix = new LinkedHashMap<>();
        private final Workspaces workspaces;
        final AtomicInteger lookups = new AtomicInteger();

        ApiKeys(Workspaces workspaces) {
            this.workspaces = workspaces;
        }

        @Override
        public synchronized void insert(ApiKeyRecord key) {
            if (key.id().length() > 64 || key.name().length() > 200 || key.prefix().length() > 64) {
                throw ai.askel.confluence.domain.error.InvalidInputException.of("value", "is longer than the database column allows");
            }
            if (workspaces.find(key.workspace()).isEmpty()) {
                throw new ai.askel.confluence.domain.error.NotFoundException("workspace " + key.workspace() + " not found");
            }
            if (byPrefix.containsKey(key.prefix())) {
                throw new ConflictException("an API key with prefix " + key.prefix() + " exists");
            }
            byPrefix.put(key.prefix(), key);
        }

        @Override
        public synchronized Optional<ApiKeyRecord> findByPrefix(String prefix) {
            lookups.incrementAndGet();
            return Optional.ofNullable(byPrefix.get(prefix));
        }

        @Override
        public synchronized List<ApiKeyRecord> list(WorkspaceId workspace) {
            return byPrefix.values().stream().filter(k -> k.workspace().equals(workspace)).toList();
        }

        @Override
        public synchronized boolean revoke(WorkspaceId workspace, String keyId, Instant at) {
            for (ApiKeyRecord key : byPrefix.values()) {
                if (key.id().equals(keyId) && key.workspace().equals(workspace) && key.isActive()) {
                    byPrefix.put(key.prefix(), new ApiKeyRecord(key.id(), key.workspace(), key.name(), key.prefix(), key.keyHash(),
                            key.scope(), key.createdAt(), Optional.of(at)));
                    return true;
                }
            }
            return false;
        }
    }

    static final class Idempotency implements IdempotencyRepositoryPort {
        private record Key(WorkspaceId workspace, String key) {
        }

        private final Map<Key, IdempotencyRecord> records = new LinkedHashMap<>();

        @Override
        public synchronized boolean tryClaim(IdempotencyRecord record) {
            if (record.key().isEmpty() || record.key().length() > 255) {
                throw ai.askel.confluence.domain.error.InvalidInputException.of("Idempotency-Key", "must be 1 to 255 characters long, was %d"
                        .formatted(record.key().length()));
            }
            return records.putIfAbsent(new Key(record.workspace(), record.key()), record) == null;
        }

        @Override
        public synchronized Optional<IdempotencyRecord> find(WorkspaceId workspace, String key) {
            return Optional.ofNullable(records.get(new Key(workspace, key)));
        }

        @Override
        public synchronized void complete(WorkspaceId workspace, String key, IdempotencyRecord.StoredResponse response) {
            IdempotencyRecord r = records.get(new Key(workspace, key));
            if (r == null) {
                throw new ai.askel.confluence.domain.error.NotFoundException(
                        "no request claimed idempotency key '%s' (it may have expired)".formatted(key));
            }
            records.put(new Key(workspace, key), new IdempotencyRecord(workspace, key, r.requestHash(), Optional.of(response),
                    r.createdAt(), r.expiresAt(), r.leaseExpiresAt()));
        }

        @Override
        public synchronized boolean takeOver(WorkspaceId workspace, String key, ContentHash requestHash, Instant now, Instant lease) {
            IdempotencyRecord r = records.get(new Key(workspace, key));
            if (r == null || !r.requestHash().equals(requestHash) || !r.isAbandoned(now)) {
                return false;
            }
            records.put(new Key(workspace, key), new IdempotencyRecord(workspace, key, requestHash, r.response(), r.createdAt(),
                    r.expiresAt(), lease));
            return true;
        }

        @Override
        public synchronized boolean renew(WorkspaceId workspace, String key, Instant lease) {
            IdempotencyRecord r = records.get(new Key(workspace, key));
            if (r == null || r.response().isPresent()) {
                return false;
            }
            records.put(new Key(workspace, key), new IdempotencyRecord(workspace, key, r.requestHash(), r.response(), r.createdAt(),
                    r.expiresAt(), lease));
            return true;
        }

        @Override
        public synchronized void release(WorkspaceId workspace, String key) {
            records.computeIfPresent(new Key(workspace, key), (k, r) -> r.response().isPresent() ? r : null);
        }

        @Override
        public synchronized int deleteExpired(Instant now) {
            int before = records.size();
            records.values().removeIf(r -> r.expiresAt().isBefore(now));
            return before - records.size();
        }
    }

    static final class AuditLog implements AuditLogPort {
        private final List<AuditEvent> events = new ArrayList<>();
        /** Events appended on their own, each a commit of its own in a database. */
        final AtomicInteger appends = new AtomicInteger();

        @Override
        public synchronized void append(AuditEvent event) {
            appends.incrementAndGet();
            events.add(event);
        }

        /** An event saved in the transaction of another repository's write. */
        synchronized void saveWithState(AuditEvent event) {
            events.add(event);
        }

        @Override
        public synchronized List<AuditEvent> recent(WorkspaceId workspace, int limit) {
            List<AuditEvent> mine = new ArrayList<>(events.stream().filter(e -> e.workspace().equals(workspace)).toList());
            java.util.Collections.reverse(mine);
            mine.sort(java.util.Comparator.comparing(AuditEvent::at).reversed()); // stable: the latest appended first among equal times
            return mine.subList(0, Math.min(limit, mine.size()));
        }

        @Override
        public synchronized ai.askel.confluence.ports.out.AuditLogPage read(ai.askel.confluence.ports.out.AuditQuery query) {
            List<ai.askel.confluence.ports.out.AuditLogPage.AuditEntry> matching = new ArrayList<>();
            for (int i = events.size() - 1; i >= 0; i--) {
                AuditEvent e = events.get(i);
                long sequence = i + 1L;
                if (e.workspace().equals(query.workspace()) && query.from().map(f -> !e.at().isBefore(f)).orElse(true)
                        && query.to().map(t -> e.at().isBefore(t)).orElse(true)
                        && query.action().map(a -> a.equals(e.operation())).orElse(true)
                        && query.before().map(b -> sequence < b).orElse(true)) {
                    matching.add(new ai.askel.confluence.ports.out.AuditLogPage.AuditEntry(sequence, e));
                }
            }
            List<ai.askel.confluence.ports.out.AuditLogPage.AuditEntry> page = matching.subList(0, Math.min(query.limit(), matching.size()));
            return new ai.askel.confluence.ports.out.AuditLogPage(page, matching.size() > query.limit()
                    ? java.util.Optional.of(page.get(page.size() - 1).sequence()) : java.util.Optional.empty());
        }

        synchronized List<AuditEvent> all() {
            return List.copyOf(events);
        }
    }

    static final class Workspaces implements ai.askel.confluence.ports.out.WorkspaceRepositoryPort {
        private final Map<WorkspaceId, ai.askel.confluence.domain.Workspace> byId = new LinkedHashMap<>();

        Workspaces() {
            byId.put(ai.askel.confluence.domain.WorkspaceIds.DEFAULT, new ai.askel.confluence.domain.Workspace(
                    ai.askel.confluence.domain.WorkspaceIds.DEFAULT, "default", Instant.EPOCH));
        }

        @Override
        public synchronized void insert(ai.askel.confluence.domain.Workspace workspace) {
            if (byId.containsKey(workspace.id())) {
                throw new ai.askel.confluence.domain.error.ConflictException("a workspace with id " + workspace.id() + " exists already");
            }
            if (byId.values().stream().anyMatch(w -> w.name().equals(workspace.name()))) {
                throw ai.askel.confluence.domain.Workspace.nameTaken(workspace.name());
            }
            byId.put(workspace.id(), workspace);
        }

        @Override
        public synchronized Optional<ai.askel.confluence.domain.Workspace> find(WorkspaceId id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public synchronized List<ai.askel.confluence.domain.Workspace> list(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be positive, was " + limit);
            }
            return byId.values().stream().sorted(java.util.Comparator.comparing(ai.askel.confluence.domain.Workspace::createdAt)
                    .thenComparing(w -> w.id().value())).limit(limit).toList();
        }
    }
}
