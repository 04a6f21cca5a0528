package ai.askel.confluence.adapter.http;

import ai.askel.confluence.domain.ApiKeyScope;
import ai.askel.confluence.domain.Attachment;
import ai.askel.confluence.domain.AttachmentId;
import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.ConnectionStatus;
import ai.askel.confluence.domain.ContentHash;
import ai.askel.confluence.domain.CqlQuery;
import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftFindingId;
import ai.askel.confluence.domain.DriftScanStatus;
import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.domain.EmailAddress;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.PageRevision;
import ai.askel.confluence.domain.PageSummary;
import ai.askel.confluence.domain.PageVersion;
import ai.askel.confluence.domain.PublishAction;
import ai.askel.confluence.domain.PublishedState;
import ai.askel.confluence.domain.Runbook;
import ai.askel.confluence.domain.RunbookId;
import ai.askel.confluence.domain.SiteUrl;
import ai.askel.confluence.domain.Slice;
import ai.askel.confluence.domain.Space;
import ai.askel.confluence.domain.SpaceId;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.TemplateRef;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.Version;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.CredentialsRejectedException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.adapter.http.wiring.UseCases;
import ai.askel.confluence.ports.in.AuthenticatedCaller;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.WorkspaceScan;
import ai.askel.confluence.ports.in.CreatePageCommand;
import ai.askel.confluence.ports.in.IdempotencyDecision;
import ai.askel.confluence.ports.in.PublishOutcome;
import ai.askel.confluence.ports.in.PublishPlan;
import ai.askel.confluence.ports.in.PublishResult;
import ai.askel.confluence.ports.in.PublishRunbookCommand;
import ai.askel.confluence.ports.in.Readiness;
import ai.askel.confluence.ports.in.RegisterConnectionCommand;
import ai.askel.confluence.ports.in.RotateCredentialsCommand;
import ai.askel.confluence.ports.in.TemplateDescriptor;
import ai.askel.confluence.ports.in.UpdatePageCommand;
import ai.askel.confluence.ports.in.UpdatedPage;
import ai.askel.confluence.domain.PublishSource;
import ai.askel.confluence.domain.RunbookSource;
import ai.askel.confluence.domain.PageBody;
import ai.askel.confluence.ports.out.AttachmentUpload;
import ai.askel.confluence.ports.out.IdempotencyRecord.StoredResponse;
import ai.askel.confluence.ports.out.UploadProgressListener;
import ai.askel.confluence.ports.spi.InputType;
import ai.askel.confluence.ports.spi.TemplateInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * An in-memory stand-in for every inbound use case, keeping just enough state to answer like the
 * real services (workspace isolation, versions, labels, idempotency records), recording what it
 * was asked, and able to fail the next call with any error.
 */
final class FakeConnector implements UseCases {

    static final DriftFindingId DRIFT_FINDING = new DriftFindingId(41);
    /** Connections whose one finding was overwritten or adopted: it is no longer open. */
    private final java.util.Set<ConnectionId> resolvedFindings = new java.util.HashSet<>();
    static final WorkspaceId WORKSPACE_A = WorkspaceId.of("0a0a0a0a-0000-4000-8000-00000000000a");
    static final WorkspaceId WORKSPACE_B = WorkspaceId.of("0b0b0b0b-0000-4000-8000-00000000000b");
    static final String KEY_A = "ask_live_aaaaaaaaaaaaaaaa";
    static final String KEY_B = "ask_live_bbbbbbbbbbbbbbbb";
    static final String REVOKED_KEY = "ask_live_revokedrevoked00";
    /** Keys of workspace A that may only read, and read and write (KEY_A and KEY_B are admin keys). */
    static final String READ_KEY_A = "ask_live_readreadreadread";
    static final String WRITE_KEY_A = "ask_live_writewritewrite0";
    /** An admin key of the default workspace, which administers every workspace. */
    static final String OPERATOR_KEY = "ask_live_operatoroperator";
    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    /** What an upload's content source delivered, read through twice (as a retry would). */
    record ReceivedUpload(AttachmentUpload upload, long bytesRead, String sha256, boolean reopenedIdentically,
                          long largestFileInUploadDirectory) {
    }

    /** Where the server spills uploads; the fake looks there while it reads one. */
    volatile java.nio.file.Path uploadDirectory;

    private record IdempotencyEntry(ContentHash hash, Optional<StoredResponse> response) {
    }

    private final Map<ConnectionId, Connection> connections = new LinkedHashMap<>();
    final FakeJobs jobs = new FakeJobs(this::connection);

    @Override
    public FakeJobs jobs() {
        return jobs;
    }
    private final Map<PageId, Page> pages = new LinkedHashMap<>();
    private final Map<RunbookId, Runbook> runbooks = new LinkedHashMap<>();
    private final Map<String, IdempotencyEntry> idempotency = new HashMap<>();
    private final AtomicInteger nextPageId = new AtomicInteger(1000);
    private final AtomicInteger nextAttachmentId = new AtomicInteger(1);
    private final AtomicReference<Throwable> nextFailure = new AtomicReference<>();
    final AtomicInteger renewals = new AtomicInteger();
    volatile java.time.Duration renewalInterval = java.time.Duration.ofSeconds(10);
    final List<Object> calls = new ArrayList<>();
    final List<String> released = new ArrayList<>();
    final List<CqlQuery> searches = new ArrayList<>();
    final List<ReceivedUpload> uploads = new ArrayList<>();
    volatile boolean ready = true;
    /** When set, storing an idempotent response fails (a database outage at the wrong moment). */
    volatile boolean failToComplete;

    /** The next use-case call (other than authentication and idempotency) throws this. */
    void failNextWith(RuntimeException failure) {
        nextFailure.set(failure);
    }

    /** The next use-case call throws this {@link Error} (a plugin overflowing the stack, say). */
    void failNextWith(Error failure) {
        nextFailure.set(failure);
    }

    /** Every use-case call takes at least this long (outside the fake's lock). */
    void slowDown(java.time.Duration delay) {
        this.delay = delay;
    }

    private volatile java.time.Duration delay = java.time.Duration.ZERO;

    private void call(Object what) {
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        record(what);
    }

    private synchronized void record(Object what) {
        calls.add(what);
        Throwable failure = nextFailure.getAndSet(null);
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
    }

    synchronized long callsOf(Class<?> type) {
        return calls.stream().filter(type::isInstance).count();
    }

    /** A connection registered directly, as if through the API. */
    synchronized Connection addConnection(WorkspaceId workspace, String name) {
        Connection c = new Connection(ConnectionId.random(), workspace, name, SiteUrl.parse("https://acme.atlassian.net", List.of()),
                Optional.empty(), EmailAddress.of("ops@acme.example"), ai.askel.confluence.domain.Secret.of("token-1", "apiToken"),
                Optional.of("557058:acc-1"), ConnectionStatus.ACTIVE, Optional.empty(), NOW, NOW);
        connections.put(c.id(), c);
        return c;
    }

    synchronized Page addPage(String title) {
        Page page = new Page(PageId.of(Integer.toString(nextPageId.incrementAndGet())), SpaceKey.of("INFRA"), Title.of(title),
                Optional.of(PageId.of("99")), ai.askel.confluence.domain.PageBody.storage("<p>hello</p>"),
                new PageVersion(Version.FIRST, Optional.of("557058:acc-1"), Optional.of(NOW), Optional.of("first")),
                Set.of(Label.of("ops")), Optional.of("https://acme.atlassian.net/wiki/spaces/INFRA/pages/1"));
        pages.put(page.id(), page);
        return page;
    }

    private Connection connection(ConnectionRef ref) {
        Connection c = connections.get(ref.connection());
        if (c == null || !c.workspace().equals(ref.workspace())) {
            throw new NotFoundException("connection %s not found".formatted(ref.connection()));
        }
        return c;
    }

    private Page page(ConnectionRef ref, PageId id) {
        connection(ref);
        Page page = pages.get(id);
        if (page == null) {
            throw new NotFoundException("page %s not found".formatted(id), "trace-404");
        }
        return page;
    }

    // ---- authentication and idempotency ----

    @Override
    public AuthenticatedCaller authenticate(String presentedKey) {
        return switch (presentedKey) {
            case KEY_A -> new AuthenticatedCaller(WORKSPACE_A, "ask_live_aaaa", ApiKeyScope.ADMIN);
            case KEY_B -> new AuthenticatedCaller(WORKSPACE_B, "ask_live_bbbb", ApiKeyScope.ADMIN);
            case READ_KEY_A -> new AuthenticatedCaller(WORKSPACE_A, "ask_live_rrrr", ApiKeyScope.READ);
            case WRITE_KEY_A -> new AuthenticatedCaller(WORKSPACE_A, "ask_live_wwww", ApiKeyScope.WRITE);
            case OPERATOR_KEY -> new AuthenticatedCaller(ai.askel.confluence.domain.WorkspaceIds.DEFAULT, "ask_live_oooo", ApiKeyScope.ADMIN);
            default -> throw new ConnectorException(ErrorCode.UNAUTHENTICATED, "the API key is unknown or revoked");
        };
    }

    /** Visible prefixes of keys revoked since their callers signed in. */
    final Set<String> revokedPrefixes = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public Optional<AuthenticatedCaller> current(AuthenticatedCaller caller) {
        return revokedPrefixes.contains(caller.keyPrefix()) ? Optional.empty() : Optional.of(caller);
    }

    @Override
    public synchronized IdempotencyDecision begin(WorkspaceId workspace, String key, ContentHash requestHash) {
        String id = workspace + "/" + key;
        IdempotencyEntry entry = idempotency.get(id);
        if (entry == null) {
            idempotency.put(id, new IdempotencyEntry(requestHash, Optional.empty()));
            return IdempotencyDecision.proceed();
        }
        if (!entry.hash().equals(requestHash)) {
            throw new ConnectorException(ErrorCode.IDEMPOTENCY_KEY_REUSED, "idempotency key '%s' was used with another request".formatted(key));
        }
        if (entry.response().isEmpty()) {
            throw new ConnectorException(ErrorCode.CONFLICT, "the first request with idempotency key '%s' is still running".formatted(key));
        }
        return new IdempotencyDecision(entry.response());
    }

    @Override
    public synchronized void complete(WorkspaceId workspace, String key, StoredResponse response) {
        if (failToComplete) {
            throw new IllegalStateException("database unavailable");
        }
        String id = workspace + "/" + key;
        idempotency.put(id, new IdempotencyEntry(idempotency.get(id).hash(), Optional.of(response)));
    }

    @Override
    public void renew(WorkspaceId workspace, String key) {
        renewals.incrementAndGet();
    }

    @Override
    public java.time.Duration renewalInterval() {
        return renewalInterval;
    }

    @Override
    public synchronized void release(WorkspaceId workspace, String key) {
        idempotency.remove(workspace + "/" + key);
        released.add(key);
    }

    synchronized Optional<StoredResponse> stored(WorkspaceId workspace, String key) {
        return Optional.ofNullable(idempotency.get(workspace + "/" + key)).flatMap(IdempotencyEntry::response);
    }

    // ---- connections ----

    @Override
    public synchronized Connection register(RegisterConnectionCommand command) {
        call(command);
        if (command.apiToken().reveal().equals("rejected-token")) {
            throw new CredentialsRejectedException("Confluence answered 401 to GET /wiki/rest/api/user/current", "trace-401");
        }
        Connection c = new Connection(ConnectionId.random(), command.workspace(), command.name(),
                SiteUrl.parse(command.siteUrl(), List.of()), Optional.empty(), EmailAddress.of(command.email()),
                command.apiToken(), Optional.of("557058:acc-1"), ConnectionStatus.ACTIVE, command.tokenExpiresOn(), NOW, NOW);
        connections.put(c.id(), c);
        return c;
    }

    @Override
    public synchronized List<Connection> list(WorkspaceId workspace) {
        call("list " + workspace);
        return connections.values().stream().filter(c -> c.workspace().equals(workspace)).toList();
    }

    @Override
    public synchronized Connection get(ConnectionRef ref) {
        call(ref);
        return connection(ref);
    }

    @Override
    public synchronized void remove(ConnectionRef ref) {
        call(ref);
        connections.remove(connection(ref).id());
    }

    @Override
    public synchronized Connection rotate(RotateCredentialsCommand command) {
        call(command);
        Connection c = connection(command.ref());
        Connection rotated = c.withCredentials(command.email().map(EmailAddress::of).orElse(c.email()), command.apiToken(),
                command.tokenExpiresOn(), NOW.plusSeconds(60));
        connections.put(c.id(), rotated);
        return rotated;
    }

    // ---- spaces and pages ----

    @Override
    public synchronized Slice<Space> listSpaces(ConnectionRef ref, int limit, Optional<String> cursor) {
        call("spaces " + limit + " " + cursor.orElse(""));
        connection(ref);
        return new Slice<>(List.of(new Space(SpaceId.of("98306"), SpaceKey.of("INFRA"), "Infrastructure", "global", Optional.empty())),
                Optional.of("next-spaces"));
    }

    @Override
    public synchronized Page create(CreatePageCommand command) {
        call(command);
        connection(command.ref());
        Page page = new Page(PageId.of(Integer.toString(nextPageId.incrementAndGet())), command.space(), command.title(),
                command.parentId(), command.body(), new PageVersion(Version.FIRST, Optional.of("557058:acc-1"), Optional.of(NOW), Optional.empty()),
                command.labels(), Optional.of("https://acme.atlassian.net/wiki/spaces/" + command.space() + "/pages/" + nextPageId.get()));
        pages.put(page.id(), page);
        return page;
    }

    @Override
    public synchronized Page read(ConnectionRef ref, PageId id) {
        call(id);
        return page(ref, id);
    }

    @Override
    public synchronized UpdatedPage update(UpdatePageCommand command) {
        call(command);
        Page page = page(command.ref(), command.page());
        Optional<PageRevision> revision = page.planUpdate(command.baseVersion(), command.title(), command.body(), command.message(),
                command.force());
        if (revision.isEmpty()) {
            return new UpdatedPage(page, false);
        }
        Page updated = page.apply(revision.get(), new PageVersion(revision.get().version(), Optional.of("557058:acc-1"), Optional.of(NOW),
                revision.get().message()));
        pages.put(updated.id(), updated);
        return new UpdatedPage(updated, true);
    }

    @Override
    public synchronized Slice<PageVersion> versions(ConnectionRef ref, PageId id, int limit, Optional<String> cursor) {
        call("versions " + limit);
        Page page = page(ref, id);
        List<PageVersion> history = new ArrayList<>();
        for (int n = page.version().number().number(); n >= 1; n--) {
            history.add(n == page.version().number().number() ? page.version() : PageVersion.of(Version.of(n)));
        }
        return Slice.last(history);
    }

    @Override
    public synchronized Slice<PageSummary> children(ConnectionRef ref, PageId id, int limit, Optional<String> cursor) {
        call("children " + limit);
        page(ref, id);
        return new Slice<>(pages.values().stream().filter(p -> p.parentId().equals(Optional.of(id))).map(FakeConnector::summary).toList(),
                Optional.of("next-children"));
    }

    @Override
    public synchronized Slice<PageSummary> search(ConnectionRef ref, CqlQuery query, int limit, Optional<String> cursor) {
        call(query);
        connection(ref);
        searches.add(query);
        return Slice.last(pages.values().stream().map(FakeConnector::summary).toList());
    }

    @Override
    public Stream<PageSummary> searchAll(ConnectionRef ref, CqlQuery query) {
        return search(ref, query, 250, Optional.empty()).items().stream();
    }

    private static PageSummary summary(Page p) {
        return new PageSummary(p.id(), Optional.of(p.space()), p.title(), p.parentId(), p.version(), p.labels(), p.webUrl());
    }

    @Override
    public synchronized Set<Label> add(ConnectionRef ref, PageId id, Set<Label> labels) {
        call(labels);
        Page page = page(ref, id);
        Set<Label> all = new TreeSet<>(page.labels());
        all.addAll(labels);
        pages.put(id, new Page(page.id(), page.space(), page.title(), page.parentId(), page.body(), page.version(), all, page.webUrl()));
        return all;
    }

    @Override
    public synchronized void remove(ConnectionRef ref, PageId id, Label label) {
        call(label);
        Page page = page(ref, id);
        Set<Label> all = new TreeSet<>(page.labels());
        all.remove(label);
        pages.put(id, new Page(page.id(), page.space(), page.title(), page.parentId(), page.body(), page.version(), all, page.webUrl()));
    }

    @Override
    public Attachment upload(ConnectionRef ref, PageId id, AttachmentUpload upload, UploadProgressListener listener) {
        synchronized (this) {
            call(upload);
            page(ref, id);
        }
        return receive(upload);
    }

    private Attachment receive(AttachmentUpload upload) {
        String[] first = drain(upload);
        String[] second = drain(upload);
        synchronized (this) {
            uploads.add(new ReceivedUpload(upload, Long.parseLong(first[1]), first[0], first[0].equals(second[0]), largestSpilledFile()));
        }
        return new Attachment(new AttachmentId("att" + nextAttachmentId.incrementAndGet()), upload.fileName(), Long.parseLong(first[1]),
                upload.mediaType(), Version.FIRST, upload.comment(), Optional.of("/download/attachments/1/" + upload.fileName()));
    }

    private long largestSpilledFile() {
        if (uploadDirectory == null) {
            return -1;
        }
        try (Stream<java.nio.file.Path> files = java.nio.file.Files.walk(uploadDirectory)) {
            return files.filter(java.nio.file.Files::isRegularFile).mapToLong(f -> f.toFile().length()).max().orElse(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] drain(AttachmentUpload upload) {
        MessageDigest digest = ContentHash.sha256();
        long total = 0;
        try (InputStream in = upload.content().open()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                total += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new String[] {ContentHash.fromDigest(digest).hex(), Long.toString(total)};
    }

    // ---- runbooks ----

    @Override
    public synchronized PublishResult publish(PublishRunbookCommand command) {
        call(command);
        connection(command.ref());
        Optional<Runbook> existing = runbooks.values().stream()
                .filter(r -> r.connection().equals(command.ref().connection()) && r.title().equals(command.title())).findFirst();
        PublishPlan plan = new PublishPlan(existing.isPresent() ? PublishAction.NO_OP : PublishAction.CREATE, existing.isEmpty(),
                "<p>rendered</p>", command.effectiveLabels(), List.of());
        if (command.dryRun()) {
            return new PublishResult(existing.map(Runbook::id), Optional.empty(), Optional.empty(),
                    PublishOutcome.PLANNED, Optional.empty(), plan, List.of());
        }
        Runbook runbook = existing.orElseGet(() -> {
            Page page = addPage(command.title().value());
            Runbook created = Runbook.create(command.ref().workspace(), command.ref().connection(), command.space(),
                    command.effectiveParentTitle(), command.title(), source(command), command.effectiveLabels()).published(new PublishedState(page.id(), PageId.of("99"), Version.FIRST,
                    ContentHash.of("rendered"), command.title(), command.effectiveLabels(), List.of(), NOW));
            runbooks.put(created.id(), created);
            return created;
        });
        return new PublishResult(Optional.of(runbook.id()), runbook.pageId(), Optional.of(Version.FIRST),
                existing.isPresent() ? PublishOutcome.UNCHANGED : PublishOutcome.CREATED,
                Optional.of("https://acme.atlassian.net/wiki/spaces/INFRA/pages/" + runbook.pageId().orElseThrow()), plan, List.of());
    }

    private static RunbookSource source(PublishRunbookCommand command) {
        if (command.source() instanceof PublishSource.FromTemplate t) {
            return new RunbookSource.Template(new TemplateRef(t.templateId(), "1.0.0"), t.inputs());
        }
        PageBody body = ((PublishSource.Supplied) command.source()).body();
        return new RunbookSource.SuppliedBody(body.representation(), RunbookSource.SuppliedBody.hashOf(command.title(), body));
    }

    @Override
    public synchronized Runbook get(ConnectionRef ref, RunbookId id) {
        call(id);
        connection(ref);
        Runbook runbook = runbooks.get(id);
        if (runbook == null || !runbook.connection().equals(ref.connection())) {
            throw new NotFoundException("runbook %s not found".formatted(id));
        }
        return runbook;
    }

    @Override
    public synchronized List<Runbook> list(ConnectionRef ref) {
        call(ref);
        connection(ref);
        return runbooks.values().stream().filter(r -> r.connection().equals(ref.connection())).toList();
    }

    @Override
    public synchronized Connection verify(ConnectionRef ref) {
        call(ref);
        return connection(ref);
    }

    private final Map<ConnectionId, SpaceKey> defaultSpaces = new HashMap<>();

    @Override
    public synchronized void choose(ConnectionRef ref, SpaceKey space) {
        call(ref);
        connection(ref);
        defaultSpaces.put(ref.connection(), space);
    }

    @Override
    public synchronized Optional<SpaceKey> defaultSpace(ConnectionRef ref) {
        connection(ref);
        return Optional.ofNullable(defaultSpaces.get(ref.connection()));
    }

    @Override
    public Attachment attach(ConnectionRef ref, RunbookId id, AttachmentUpload upload, UploadProgressListener listener) {
        get(ref, id);
        return receive(upload);
    }

    /** Connections whose scan fails as an unreachable site's does. */
    final Set<ConnectionId> unreachable = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Connections scanned, in order. */
    final List<ConnectionId> scanned = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The kind of the one finding every connection has. */
    volatile DriftKind findingKind = DriftKind.EDITED_IN_CONFLUENCE;

    @Override
    public synchronized List<DriftFinding> scan(ConnectionRef ref) {
        call("scan");
        connection(ref);
        scanned.add(ref.connection());
        if (unreachable.contains(ref.connection())) {
            throw new ConnectorException(ErrorCode.CONFLUENCE_UNAVAILABLE, "Confluence answered 500 to the drift scan's search");
        }
        return openFindings(ref);
    }

    @Override
    public synchronized List<DriftFinding> scanAll() {
        call("scan all");
        return List.of();
    }

    @Override
    public synchronized WorkspaceScan scanAll(WorkspaceId workspace) {
        List<DriftFinding> open = new ArrayList<>();
        List<WorkspaceScan.NotScanned> notScanned = new ArrayList<>();
        for (Connection c : list(workspace)) {
            ConnectionRef ref = new ConnectionRef(workspace, c.id());
            try {
                open.addAll(scan(ref));
            } catch (ConnectorException e) {
                open.addAll(openFindings(ref));
                notScanned.add(new WorkspaceScan.NotScanned(c.id(), c.name(), e.code(), e.getMessage()));
            }
        }
        return new WorkspaceScan(open, notScanned);
    }

    @Override
    public synchronized List<DriftFinding> openFindings(ConnectionRef ref) {
        connection(ref);
        return resolvedFindings.contains(ref.connection()) ? List.of() : List.of(finding(ref, DRIFT_FINDING, Optional.empty(), Optional.empty()));
    }

    /** The one finding every connection has, of {@link #findingKind}; its id is {@link #DRIFT_FINDING}. */
    private DriftFinding finding(ConnectionRef ref, DriftFindingId id, Optional<java.time.Instant> resolved,
                                 Optional<java.time.Instant> acknowledged) {
        DriftKind kind = findingKind;
        boolean aboutPage = !Set.of(DriftKind.CREDENTIALS_REJECTED, DriftKind.PERMISSION_LOST, DriftKind.SPACE_MISSING,
                DriftKind.TOKEN_EXPIRING, DriftKind.SCAN_FAILED).contains(kind);
        return new DriftFinding(Optional.of(id), ref.connection(), aboutPage ? Optional.of(PageId.of("1001")) : Optional.empty(), kind,
                kind == DriftKind.EDITED_IN_CONFLUENCE ? "page 'Crestview Production' (page 1001) was edited in Confluence: version 3"
                        : (aboutPage ? "page 'Crestview Production' (page 1001): " : "the connection: ") + kind, NOW, NOW, resolved, acknowledged);
    }

    private DriftFinding act(ConnectionRef ref, DriftFindingId id, String action, boolean resolves) {
        connection(ref);
        call(action);
        if (!id.equals(DRIFT_FINDING)) {
            throw new NotFoundException("drift finding " + id + " does not exist");
        }
        if (resolves) {
            resolvedFindings.add(ref.connection());
            return finding(ref, id, Optional.of(NOW), Optional.empty());
        }
        return finding(ref, id, Optional.empty(), Optional.of(NOW));
    }

    /**
     * When set, what an overwrite answers instead of the finding resolved: as the real service answers the overwrite of a
     * deleted page that carried files, with the new open finding that names them.
     */
    volatile Optional<DriftFinding> overwriteOpens = Optional.empty();

    @Override
    public synchronized DriftFinding overwrite(ConnectionRef ref, DriftFindingId id) {
        DriftFinding resolved = act(ref, id, "drift overwrite", true);
        return overwriteOpens.orElse(resolved);
    }

    @Override
    public synchronized DriftFinding adopt(ConnectionRef ref, DriftFindingId id) {
        return act(ref, id, "drift adopt", true);
    }

    @Override
    public synchronized DriftFinding acknowledge(ConnectionRef ref, DriftFindingId id) {
        return act(ref, id, "drift acknowledge", false);
    }

    @Override
    public synchronized Optional<DriftScanStatus> lastScan(ConnectionRef ref) {
        connection(ref);
        return Optional.of(new DriftScanStatus(ref.connection(), NOW, java.time.Duration.ofMillis(1200), DriftScanStatus.Outcome.COMPLETED,
                Optional.empty(), 1));
    }

    @Override
    public synchronized List<DriftScanStatus> lastScans(WorkspaceId workspace) {
        return connections.values().stream().filter(c -> c.workspace().equals(workspace))
                .map(c -> lastScan(new ConnectionRef(workspace, c.id())).orElseThrow()).toList();
    }

    @Override
    public synchronized List<DriftFinding> openFindings(WorkspaceId workspace) {
        return connections.values().stream().filter(c -> c.workspace().equals(workspace))
                .flatMap(c -> openFindings(new ConnectionRef(workspace, c.id())).stream()).toList();
    }

    @Override
    public List<TemplateDescriptor> list() {
        call("templates");
        return List.of(new TemplateDescriptor("customer-environment", "1.0.0", "Customer environment runbook",
                "One customer's production environment.",
                List.of(TemplateInput.required("customer", InputType.STRING, "The customer's name").withExample("Crestview"),
                        TemplateInput.table("contacts", false, "Who to call", List.of("name", "role"))),
                Set.of("customer-runbook")));
    }

    // ---- operations ----


    @Override
    public Readiness check() {
        return new Readiness(Map.of("database", ready));
    }
}
