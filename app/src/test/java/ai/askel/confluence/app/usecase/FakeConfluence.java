package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Attachment;
import ai.askel.confluence.domain.AttachmentId;
import ai.askel.confluence.domain.ConfluenceUser;
import ai.askel.confluence.domain.CqlQuery;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PageBody;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.PageRevision;
import ai.askel.confluence.domain.PageSummary;
import ai.askel.confluence.domain.PageVersion;
import ai.askel.confluence.domain.Slice;
import ai.askel.confluence.domain.Space;
import ai.askel.confluence.domain.SpaceId;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.Version;
import ai.askel.confluence.domain.error.ConflictException;
import ai.askel.confluence.domain.error.ConfluenceUnavailableException;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.CredentialsRejectedException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.domain.error.VersionConflictException;
import ai.askel.confluence.ports.out.AttachmentUpload;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConfluenceAttachmentsPort;
import ai.askel.confluence.ports.out.ConfluenceLabelsPort;
import ai.askel.confluence.ports.out.ConfluencePagesPort;
import ai.askel.confluence.ports.out.ConfluenceSearchPort;
import ai.askel.confluence.ports.out.ConfluenceSpacesPort;
import ai.askel.confluence.ports.out.ConfluenceUsersPort;
import ai.askel.confluence.ports.out.ConfluencePermissionsPort;
import ai.askel.confluence.ports.out.NewPage;
import ai.askel.confluence.ports.out.UploadProgressListener;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A behavioural fake of Confluence Cloud behind all six Confluence ports: pages with versions and
 * history, unique titles per space, labels, attachments (read as streams), spaces (cached per
 * connection, as the adapter caches them), credentials and a small CQL subset. Every port call is
 * counted (a cached space lookup is not a call, as in the adapter), and faults can be injected
 * before or after a call takes effect (a lost response). The labels and attachments ports are
 * {@link #labels} and {@link #attachments}: both ports declare {@code list(access, page)} with
 * different results, so one class cannot implement both.
 */
final class FakeConfluence implements ConfluencePagesPort, ConfluenceSpacesPort, ConfluenceSearchPort, ConfluenceUsersPort,
        ConfluencePermissionsPort {
    static final Set<String> WRITES = Set.of("pages.create", "pages.write", "labels.add", "labels.remove", "attachments.upload");
    static final String HUMAN = "557058:human";
    static final String BOT_NAME = "Askel Bot";

    /** A page as Confluence stores it. */
    static final class StoredPage {
        final PageId id;
        final SpaceKey space;
        Title title;
        Optional<PageId> parentId;
        final List<String> bodies = new ArrayList<>();
        final List<PageVersion> versions = new ArrayList<>();
        final TreeSet<Label> labels = new TreeSet<>();
        final Map<String, Attachment> attachments = new LinkedHashMap<>();
        final Map<String, byte[]> attachmentBytes = new HashMap<>();

        StoredPage(PageId id, SpaceKey space, Title title, Optional<PageId> parentId) {
            this.id = id;
            this.space = space;
            this.title = title;
            this.parentId = parentId;
        }

        String body() {
            return bodies.get(bodies.size() - 1);
        }

        int version() {
            return versions.size();
        }

        void write(String body, String author, Optional<String> message) {
            bodies.add(body);
            versions.add(new PageVersion(Version.of(versions.size() + 1), Optional.of(author), Optional.empty(), message));
        }

        Page toPage() {
            return new Page(id, space, title, parentId, PageBody.storage(body()), versions.get(versions.size() - 1), labels,
                    Optional.of("https://fake.atlassian.net/wiki/pages/" + id));
        }

        PageSummary toSummary() {
            return new PageSummary(id, Optional.of(space), title, parentId, versions.get(versions.size() - 1), Set.of(),
                    Optional.of("https://fake.atlassian.net/wiki/pages/" + id));
        }
    }

    private record Fault(Predicate<Object> matches, RuntimeException error, boolean afterApplying) {
    }

    private final Map<PageId, StoredPage> pages = new LinkedHashMap<>();
    private final Map<SpaceKey, Space> spaces = new LinkedHashMap<>();
    private final Set<String> cachedSpaces = new HashSet<>();
    private final Map<String, String> accounts = new HashMap<>();
    private final List<String> calls = new ArrayList<>();
    private final Map<String, Deque<Fault>> faults = new HashMap<>();
    private volatile Consumer<String> beforeCall = op -> { };
    private long nextId = 1000;
    final ConfluenceLabelsPort labels = new Labels();
    final ConfluenceAttachmentsPort attachments = new Attachments();
    private String accountId = "557058:askel";
    private volatile boolean duplicateTitleAsBadRequest;

    // ---- set-up and inspection (never counted) ----

    synchronized Space addSpace(String key) {
        return addSpace(key, key + " space");
    }

    synchronized Space addSpace(String key, String name) {
        Space space = new Space(SpaceId.of(Long.toString(nextId++)), SpaceKey.of(key), name, "global", Optional.empty());
        spaces.put(space.key(), space);
        return space;
    }

    /** Accepts these credentials as the given account, a person Confluence knows (as "Askel Bot" unless named otherwise). */
    synchronized void acceptCredentials(String email, String token, String account) {
        accounts.put(email + "\u0000" + token, account);
        people.putIfAbsent(account, BOT_NAME);
    }

    /** From now on these credentials are rejected (a revoked or expired token). */
    synchronized void revokeCredentials(String email, String token) {
        accounts.remove(email + "\u0000" + token);
    }

    synchronized PageId seedPage(String space, String title, Optional<PageId> parent, String body) {
        return seedPage(space, title, parent, body, HUMAN);
    }

    /** A page whose only version {@code author} wrote (the connector's own account, for a page it made earlier). */
    synchronized PageId seedPage(String space, String title, Optional<PageId> parent, String body, String author) {
        StoredPage page = new StoredPage(PageId.of(Long.toString(nextId++)), SpaceKey.of(space), Title.of(title), parent);
        page.write(body, author, Optional.empty());
        pages.put(page.id, page);
        return page.id;
    }

    synchronized void editInConfluence(PageId id, String body) {
        stored(id).write(body, HUMAN, Optional.empty());
    }

    synchronized void rename(PageId id, String title) {
        StoredPage page = stored(id);
        page.title = Title.of(title);
        page.write(page.body(), HUMAN, Optional.empty());
    }

    synchronized void move(PageId id, Optional<PageId> parent) {
        StoredPage page = stored(id);
        page.parentId = parent;
        page.write(page.body(), HUMAN, Optional.empty());
    }

    synchronized void delete(PageId id) {
        pages.remove(id);
    }

    /** Restores a deleted page from the trash, as it was. */
    synchronized void resurrect(StoredPage page) {
        pages.put(page.id, page);
    }

    synchronized void labelByHand(PageId id, Set<Label> labels) {
        stored(id).labels.addAll(labels);
    }

    synchronized void removeLabelByHand(PageId id, String label) {
        stored(id).labels.remove(Label.of(label));
    }

    synchronized Optional<StoredPage> page(PageId id) {
        return Optional.ofNullable(pages.get(id));
    }

    synchronized List<StoredPage> pagesTitled(String space, String title) {
        return pages.values().stream().filter(p -> p.space.value().equals(space) && p.title.value().equals(title)).toList();
    }

    synchronized int pageCount() {
        return pages.size();
    }

    synchronized int calls() {
        return calls.size();
    }

    synchronized int writes() {
        return (int) calls.stream().filter(WRITES::contains).count();
    }

    synchronized int calls(String operation) {
        return (int) calls.stream().filter(operation::equals).count();
    }

    synchronized List<String> callLog() {
        return List.copyOf(calls);
    }

    synchronized void resetCounts() {
        calls.clear();
    }

    // ---- fault injection ----

    /** The next call of {@code operation} fails with {@code error} before it changes anything. */
    synchronized void failNext(String operation, RuntimeException error) {
        faults.computeIfAbsent(operation, k -> new ArrayDeque<>()).add(new Fault(x -> true, error, false));
    }

    /** The next call of {@code operation} takes effect, but its response is lost (a timeout). */
    synchronized void loseNextResponse(String operation) {
        faults.computeIfAbsent(operation, k -> new ArrayDeque<>()).add(new Fault(x -> true,
                new ConfluenceUnavailableException("Confluence did not answer in time", null, null), true));
    }

    /** Answers a create with a taken title as a 400 (CONFLUENCE_ERROR) instead of a 409: Atlassian does not document which. */
    void refuseDuplicateTitlesAsBadRequest() {
        duplicateTitleAsBadRequest = true;
    }

    /** Runs before every call, outside the fake's lock (to line up concurrent callers). */
    void beforeEachCall(Consumer<String> hook) {
        this.beforeCall = hook;
    }

    private void enter(String operation) {
        beforeCall.accept(operation);
    }

    private Optional<Fault> fault(String operation) {
        Deque<Fault> queue = faults.get(operation);
        return queue == null ? Optional.empty() : Optional.ofNullable(queue.poll());
    }

    /** Counts the call, fails it if a fault is queued, runs it, and loses its answer if asked to. */
    private <T> T call(String operation, ConfluenceAccess access, java.util.function.Supplier<T> body) {
        calls.add(operation);
        authenticate(access);
        Optional<Fault> fault = fault(operation);
        if (fault.isPresent() && !fault.get().afterApplying()) {
            throw fault.get().error();
        }
        T result = body.get();
        if (fault.isPresent()) {
            throw fault.get().error();
        }
        return result;
    }

    private String authenticate(ConfluenceAccess access) {
        String account = accounts.get(access.email().value() + "\u0000" + access.apiToken().reveal());
        if (account == null) {
            throw new CredentialsRejectedException("Confluence rejected the email and API token (401)", "trace-401");
        }
        return account;
    }

    private StoredPage stored(PageId id) {
        StoredPage page = pages.get(id);
        if (page == null) {
            throw new NotFoundException("page " + id + " not found", "trace-404");
        }
        return page;
    }

    // ---- ConfluenceUsersPort ----

    /** When set, the connection's user may only read (the space was made read-only for them). */
    volatile boolean readOnly;

    @Override
    public Optional<Set<String>> pageOperations(ConfluenceAccess access, PageId page) {
        enter("pages.operations");
        synchronized (this) {
            return call("pages.operations", access, () -> pages.containsKey(page)
                    ? Optional.of(readOnly ? Set.of(READ) : Set.of(READ, UPDATE, DELETE)) : Optional.<Set<String>>empty());
        }
    }

    @Override
    public ConfluenceUser currentUser(ConfluenceAccess access) {
        enter("users.current");
        synchronized (this) {
            return call("users.current", access, () -> {
                String account = authenticate(access);
                return new ConfluenceUser(account, people.getOrDefault(account, BOT_NAME));
            });
        }
    }

    /** People the fake names by account id (v2 {@code /users-bulk}). */
    private final Map<String, String> people = new java.util.concurrent.ConcurrentHashMap<>();

    public void person(String accountId, String displayName) {
        people.put(accountId, displayName);
    }

    @Override
    public Map<String, String> displayNames(ConfluenceAccess access, Set<String> accountIds) {
        if (accountIds.size() > MAX_BULK_LOOKUP) {
            throw new IllegalArgumentException("at most " + MAX_BULK_LOOKUP + " account ids");
        }
        if (accountIds.isEmpty()) {
            return Map.of(); // as the adapter: none asks nothing
        }
        enter("users.bulk");
        synchronized (this) {
            return call("users.bulk", access, () -> accountIds.stream().filter(people::containsKey)
                    .collect(java.util.stream.Collectors.toMap(id -> id, people::get)));
        }
    }

    // ---- ConfluenceSpacesPort ----

    @Override
    public Slice<Space> listSpaces(ConfluenceAccess access, int limit, Optional<String> cursor) {
        enter("spaces.list");
        synchronized (this) {
            return call("spaces.list", access, () -> slice(List.copyOf(spaces.values()), limit, cursor));
        }
    }

    @Override
    public Optional<Space> findSpace(ConfluenceAccess access, SpaceKey key) {
        synchronized (this) {
            Space space = spaces.get(key);
            if (space != null && cachedSpaces.contains(access.connection() + "/" + key)) {
                return Optional.of(space); // the adapter caches spaces per connection: no call
            }
        }
        enter("spaces.find");
        synchronized (this) {
            return call("spaces.find", access, () -> {
                Optional<Space> found = Optional.ofNullable(spaces.get(key));
                found.ifPresent(s -> cachedSpaces.add(access.connection() + "/" + key));
                return found;
            });
        }
    }

    // ---- ConfluencePagesPort ----

    @Override
    public Page create(ConfluenceAccess access, NewPage newPage) {
        enter("pages.create");
        synchronized (this) {
            return call("pages.create", access, () -> {
                if (!spaces.containsKey(newPage.space())) {
                    throw new NotFoundException("space " + newPage.space() + " not found", "trace-404");
                }
                newPage.parentId().ifPresent(this::stored);
                if (!pagesTitled(newPage.space().value(), newPage.title().value()).isEmpty()) {
                    String message = "A page with this title already exists: A page already exists with the title %s in the space with key %s"
                            .formatted(newPage.title(), newPage.space());
                    if (duplicateTitleAsBadRequest) {
                        throw new ConnectorException(ErrorCode.CONFLUENCE_ERROR, message, "trace-400", null);
                    }
                    throw new ConflictException(message, "trace-409");
                }
                StoredPage page = new StoredPage(PageId.of(Long.toString(nextId++)), newPage.space(), newPage.title(), newPage.parentId());
                page.write(newPage.body().value(), accountId, Optional.empty());
                pages.put(page.id, page);
                return page.toPage();
            });
        }
    }

    @Override
    public Optional<Page> read(ConfluenceAccess access, PageId id) {
        enter("pages.read");
        synchronized (this) {
            return call("pages.read", access, () -> Optional.ofNullable(pages.get(id)).map(StoredPage::toPage));
        }
    }

    @Override
    public Optional<PageSummary> findByTitle(ConfluenceAccess access, SpaceKey space, Title title) {
        enter("pages.findByTitle");
        synchronized (this) {
            return call("pages.findByTitle", access,
                    () -> pagesTitled(space.value(), title.value()).stream().findFirst().map(StoredPage::toSummary));
        }
    }

    @Override
    public PageVersion write(ConfluenceAccess access, PageRevision revision) {
        enter("pages.write");
        synchronized (this) {
            return call("pages.write", access, () -> {
                StoredPage page = stored(revision.pageId());
                int base = revision.version().number() - 1;
                if (base != page.version()) {
                    throw new VersionConflictException("Version must be incremented: page is at version " + page.version(),
                            OptionalInt.of(page.version()), "trace-409");
                }
                Title t = revision.title();
                if (!t.equals(page.title) && !pagesTitled(page.space.value(), t.value()).isEmpty()) {
                    throw new ConflictException("A page with this title already exists", "trace-409");
                }
                page.title = t;
                revision.parentId().ifPresent(parent -> page.parentId = Optional.of(parent));
                page.write(revision.body().value(), accountId, revision.message());
                return page.toPage().version();
            });
        }
    }

    @Override
    public Slice<PageVersion> versions(ConfluenceAccess access, PageId id, int limit, Optional<String> cursor) {
        enter("pages.versions");
        synchronized (this) {
            return call("pages.versions", access, () -> {
                List<PageVersion> newestFirst = new ArrayList<>(stored(id).versions);
                java.util.Collections.reverse(newestFirst);
                return slice(newestFirst, limit, cursor);
            });
        }
    }

    @Override
    public Optional<Page> readVersion(ConfluenceAccess access, PageId id, Version version) {
        enter("pages.readVersion");
        synchronized (this) {
            return call("pages.readVersion", access, () -> Optional.ofNullable(pages.get(id))
                    .filter(p -> version.number() <= p.version())
                    .map(p -> new Page(p.id, p.space, p.title, p.parentId, PageBody.storage(p.bodies.get(version.number() - 1)),
                            p.versions.get(version.number() - 1), p.labels, Optional.empty())));
        }
    }

    @Override
    public Slice<PageSummary> children(ConfluenceAccess access, PageId id, int limit, Optional<String> cursor) {
        enter("pages.children");
        synchronized (this) {
            return call("pages.children", access, () -> slice(pages.values().stream()
                    .filter(p -> p.parentId.equals(Optional.of(id))).map(StoredPage::toSummary).toList(), limit, cursor));
        }
    }

    @Override
    public List<PageId> ancestors(ConfluenceAccess access, PageId id) {
        enter("pages.ancestors");
        synchronized (this) {
            return call("pages.ancestors", access, () -> {
                List<PageId> up = new ArrayList<>();
                for (Optional<PageId> p = stored(id).parentId; p.isPresent(); p = stored(p.get()).parentId) {
                    up.add(0, p.get());
                }
                return up;
            });
        }
    }

    // ---- ConfluenceLabelsPort ----

    private final class Labels implements ConfluenceLabelsPort {

    @Override
    public Set<Label> add(ConfluenceAccess access, PageId page, Set<Label> labels) {
        enter("labels.add");
        synchronized (FakeConfluence.this) {
            return call("labels.add", access, () -> {
                StoredPage stored = stored(page);
                stored.labels.addAll(labels);
                return Set.copyOf(stored.labels);
            });
        }
    }

    @Override
    public void remove(ConfluenceAccess access, PageId page, Label label) {
        enter("labels.remove");
        synchronized (FakeConfluence.this) {
            call("labels.remove", access, () -> {
                if (!stored(page).labels.remove(label)) {
                    // as Confluence's v1 label removal: a label the page does not have is a 404, like a missing page
                    throw new NotFoundException("Label '" + label.name() + "' not found on content " + page, "trace-404");
                }
                return null;
            });
        }
    }

    @Override
    public Set<Label> list(ConfluenceAccess access, PageId page) {
        enter("labels.list");
        synchronized (FakeConfluence.this) {
            return call("labels.list", access, () -> Set.copyOf(stored(page).labels));
        }
    }

    }

    // ---- ConfluenceAttachmentsPort ----

    private final class Attachments implements ConfluenceAttachmentsPort {

    @Override
    public Attachment upload(ConfluenceAccess access, PageId page, AttachmentUpload upload, UploadProgressListener listener) {
        enter("attachments.upload");
        byte[] bytes;
        try (InputStream in = upload.content().open()) {
            bytes = in.readAllBytes(); // the fake keeps the bytes to compare; the real adapter streams them
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        listener.progress(bytes.length, upload.size());
        synchronized (FakeConfluence.this) {
            return call("attachments.upload", access, () -> {
                StoredPage stored = stored(page);
                Attachment previous = stored.attachments.get(upload.fileName());
                Attachment attachment = new Attachment(
                        previous == null ? new AttachmentId("att" + nextId++) : previous.id(), upload.fileName(), bytes.length,
                        upload.mediaType(), previous == null ? Version.FIRST : previous.version().next(), upload.comment(), Optional.empty());
                stored.attachments.put(upload.fileName(), attachment);
                stored.attachmentBytes.put(upload.fileName(), bytes);
                return attachment;
            });
        }
    }

    /** Counted as an upload ("attachments.upload"): it is one upload request, refused when the name is taken. */
    @Override
    public Optional<Attachment> uploadNew(ConfluenceAccess access, PageId page, AttachmentUpload upload, UploadProgressListener listener) {
        synchronized (FakeConfluence.this) {
            if (pages.containsKey(page) && stored(page).attachments.containsKey(upload.fileName())) {
                enter("attachments.upload");
                call("attachments.upload", access, () -> null);
                return Optional.empty();
            }
            return Optional.of(upload(access, page, upload, listener));
        }
    }

    @Override
    public List<Attachment> list(ConfluenceAccess access, PageId page) {
        enter("attachments.list");
        synchronized (FakeConfluence.this) {
            return call("attachments.list", access, () -> List.copyOf(stored(page).attachments.values()));
        }
    }
    }

    // ---- ConfluenceSearchPort: clauses `field = "value"` or `field in ("a", "b")` joined by AND, for space, title, label and type ----

    private static final Pattern CLAUSE = Pattern.compile("(space|title|label|type) (?:= (\"(?:[^\"\\\\]|\\\\.)*\")|in \\((.*)\\))");
    private static final Pattern VALUE = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Override
    public Slice<PageSummary> search(ConfluenceAccess access, CqlQuery query, int limit, Optional<String> cursor) {
        enter("search");
        synchronized (this) {
            return call("search", access, () -> slice(matching(query), limit, cursor));
        }
    }

    @Override
    public Stream<PageSummary> streamWithAttachments(ConfluenceAccess access, CqlQuery query, int pageSize) {
        return stream(access, query, pageSize).map(s -> {
            synchronized (this) {
                List<Attachment> attached = page(s.id()).map(p -> List.copyOf(p.attachments.values())).orElse(List.of());
                return new PageSummary(s.id(), s.space(), s.title(), s.parentId(), s.version(), s.labels(), s.webUrl(),
                        Optional.of(attached));
            }
        });
    }

    @Override
    public Stream<PageSummary> stream(ConfluenceAccess access, CqlQuery query, int pageSize) {
        return Stream.iterate(search(access, query, pageSize, Optional.empty()), Objects::nonNull,
                        s -> s.nextCursor().map(c -> search(access, query, pageSize, Optional.of(c))).orElse(null))
                .flatMap(s -> s.items().stream());
    }

    private List<PageSummary> matching(CqlQuery query) {
        String cql = query.cql().replaceAll("(?i) ORDER BY .*$", "");
        List<Predicate<StoredPage>> conditions = new ArrayList<>();
        for (String clause : cql.split(" AND ")) {
            Matcher m = CLAUSE.matcher(clause.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("the fake understands only field = \"value\" and field in (\"a\", \"b\") clauses, not: "
                        + clause);
            }
            List<String> values = new ArrayList<>();
            Matcher v = VALUE.matcher(m.group(2) != null ? m.group(2) : m.group(3));
            while (v.find()) {
                values.add(v.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
            }
            conditions.add(switch (m.group(1)) {
                case "space" -> p -> values.contains(p.space.value());
                case "title" -> p -> values.contains(p.title.value());
                case "label" -> p -> values.stream().anyMatch(l -> p.labels.contains(Label.of(l)));
                default -> p -> values.contains("page");
            });
        }
        return pages.values().stream().filter(p -> conditions.stream().allMatch(c -> c.test(p)))
                .map(p -> new PageSummary(p.id, Optional.of(p.space), p.title, p.parentId, p.versions.get(p.versions.size() - 1),
                        p.labels, Optional.empty()))
                .toList();
    }

    private static <T> Slice<T> slice(List<T> all, int limit, Optional<String> cursor) {
        int from = cursor.map(Integer::parseInt).orElse(0);
        int to = Math.min(all.size(), from + limit);
        return new Slice<>(all.subList(Math.min(from, all.size()), to), to < all.size() ? Optional.of(Integer.toString(to)) : Optional.empty());
    }
}
