package ai.askel.confluence.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The sandbox's Confluence site: users, spaces, pages with versions, labels and attachments, plus the search index
 * (which may lag behind writes). All state changes go through synchronized methods: one lock, simple and correct.
 * Attachments ({@link AttachmentStore}) and the index ({@link SearchIndex}) live in classes of their own that this
 * facade calls under that lock.
 */
final class Store implements AutoCloseable {

    static final int MAX_TITLE = 255;

    /** A user account; the token can be revoked. */
    static final class Account {
        final String email;
        final String accountId;
        final String displayName;
        volatile String token;

        Account(SandboxUser user) {
            this.email = user.email();
            this.accountId = user.accountId();
            this.displayName = user.displayName();
            this.token = user.apiToken();
        }
    }

    static final class Space {
        final long id;
        final String key;
        String name;
        final Instant createdAt;
        final String authorId;
        long homepageId;
        boolean anonymousRead;
        Permission defaultPermission = Permission.WRITE;
        final Map<String, Permission> grants = new HashMap<>();

        Space(long id, String key, String name, Instant createdAt, String authorId) {
            this.id = id;
            this.key = key;
            this.name = name;
            this.createdAt = createdAt;
            this.authorId = authorId;
        }
    }

    record Version(int number, String title, String storage, String authorId, Instant createdAt, String message,
                   boolean minorEdit) {
    }

    record Label(String id, String prefix, String name) {
    }

    static final class Page {
        final long id;
        final long spaceId;
        final String authorId;
        final Instant createdAt;
        Long parentId;
        String status;
        int position;
        final List<Version> versions = new ArrayList<>();
        final Map<String, Label> labels = new LinkedHashMap<>();
        final List<AttachmentStore.Attachment> attachments = new ArrayList<>();
        /** Page restriction: when not empty, only these account ids may edit the page (space permission still applies). */
        final Set<String> editors = new HashSet<>();

        Page(long id, long spaceId, String authorId, Instant createdAt) {
            this.id = id;
            this.spaceId = spaceId;
            this.authorId = authorId;
            this.createdAt = createdAt;
        }

        Version current() {
            return versions.get(versions.size() - 1);
        }

        String title() {
            return current().title();
        }
    }

    private final Clock clock;
    private final AttachmentStore attachments;
    private final SearchIndex index;
    private final AtomicLong contentIds = new AtomicLong(65_536);
    private final AtomicLong spaceIds = new AtomicLong(98_304);
    private final AtomicLong labelIds = new AtomicLong(1_000);
    private final Map<String, Account> accountsByEmail = new LinkedHashMap<>();
    private final Map<String, Account> accountsById = new LinkedHashMap<>();
    private final Map<Long, Space> spaces = new TreeMap<>();
    private final Map<Long, Page> pages = new TreeMap<>();
    private final Map<String, String> labelIdsByName = new HashMap<>();

    Store(Clock clock, Duration indexDelay) {
        this.clock = clock;
        this.index = new SearchIndex(clock, indexDelay);
        this.attachments = new AttachmentStore(clock, contentIds::incrementAndGet);
    }

    Instant now() {
        return clock.instant();
    }

    void indexDelay(Duration delay) {
        index.delay(delay);
    }

    Duration indexDelay() {
        return index.delay();
    }

    // ---- users and permissions

    synchronized void addUser(SandboxUser user) {
        if (accountsByEmail.containsKey(user.email()) || accountsById.containsKey(user.accountId())) {
            throw new IllegalArgumentException("user already exists: " + user.email());
        }
        Account account = new Account(user);
        accountsByEmail.put(user.email(), account);
        accountsById.put(user.accountId(), account);
    }

    /** The account whose email and token match, compared in constant time. */
    synchronized Optional<Account> authenticate(String email, String token) {
        Account account = accountsByEmail.get(email);
        if (account == null) {
            return Optional.empty();
        }
        boolean same = MessageDigest.isEqual(account.token.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
        return same ? Optional.of(account) : Optional.empty();
    }

    synchronized Account account(String emailOrAccountId) {
        Account account = accountsByEmail.getOrDefault(emailOrAccountId, accountsById.get(emailOrAccountId));
        if (account == null) {
            throw new IllegalArgumentException("no such user: " + emailOrAccountId);
        }
        return account;
    }

    synchronized Optional<Account> accountById(String accountId) {
        return Optional.ofNullable(accountsById.get(accountId));
    }

    synchronized List<Account> accounts() {
        return List.copyOf(accountsByEmail.values());
    }

    synchronized void revokeToken(String emailOrAccountId) {
        account(emailOrAccountId).token = "revoked:" + java.util.UUID.randomUUID();
    }

    synchronized void setToken(String emailOrAccountId, String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("an API token must not be blank");
        }
        account(emailOrAccountId).token = token;
    }

    synchronized void grant(String spaceKey, String emailOrAccountId, Permission permission) {
        spaceByKeyOrThrow(spaceKey).grants.put(account(emailOrAccountId).accountId, permission);
    }

    synchronized void defaultPermission(String spaceKey, Permission permission) {
        spaceByKeyOrThrow(spaceKey).defaultPermission = permission;
    }

    synchronized void anonymousRead(String spaceKey, boolean allowed) {
        spaceByKeyOrThrow(spaceKey).anonymousRead = allowed;
    }

    /** {@code accountId} is null for the anonymous user. */
    synchronized Permission permission(Space space, String accountId) {
        if (accountId == null) {
            return space.anonymousRead ? Permission.READ : Permission.NONE;
        }
        return space.grants.getOrDefault(accountId, space.defaultPermission);
    }

    // ---- spaces

    synchronized Space addSpace(String key, String name, String authorId) {
        if (!key.matches("[A-Za-z0-9]{1,255}")) {
            throw new IllegalArgumentException("space key must be letters and digits: " + key);
        }
        if (spaceByKey(key).isPresent()) {
            throw new IllegalArgumentException("space already exists: " + key);
        }
        Instant now = now();
        Space space = new Space(spaceIds.incrementAndGet(), key, name, now, authorId);
        spaces.put(space.id, space);
        Page home = insertPage(space, name + " Home", null, "<p>Welcome to " + WikiMarkup.escape(name) + ".</p>",
                authorId, "current");
        space.homepageId = home.id;
        return space;
    }

    synchronized List<Space> spaces() {
        return List.copyOf(spaces.values());
    }

    synchronized Optional<Space> space(long id) {
        return Optional.ofNullable(spaces.get(id));
    }

    synchronized Optional<Space> spaceByKey(String key) {
        return spaces.values().stream().filter(s -> s.key.equals(key)).findFirst();
    }

    synchronized Space spaceByKeyOrThrow(String key) {
        return spaceByKey(key).orElseThrow(() -> new IllegalArgumentException("no such space: " + key));
    }

    // ---- pages

    synchronized Optional<Page> page(long id) {
        return Optional.ofNullable(pages.get(id));
    }

    synchronized Page pageOrThrow(long id) {
        return page(id).orElseThrow(() -> new IllegalArgumentException("no such page: " + id));
    }

    synchronized List<Page> pages() {
        return List.copyOf(pages.values());
    }

    synchronized Optional<Page> currentPageTitled(long spaceId, String title) {
        return pages.values().stream()
                .filter(p -> p.spaceId == spaceId && "current".equals(p.status) && p.title().equals(title))
                .findFirst();
    }

    /** Creates a page; the caller has checked permissions and the body. Title uniqueness is checked here. */
    synchronized Page createPage(Space space, String title, Long parentId, boolean rootLevel, String storage,
                                 String authorId, String status) {
        requireUniqueTitle(space, title, -1);
        if (parentId != null) {
            Page parent = pages.get(parentId);
            if (parent == null || parent.spaceId != space.id || !"current".equals(parent.status)) {
                throw new IllegalStateException("parent");
            }
        }
        Long parent = parentId != null || rootLevel ? parentId : Long.valueOf(space.homepageId);
        return insertPage(space, title, parent, storage, authorId, status);
    }

    private Page insertPage(Space space, String title, Long parentId, String storage, String authorId,
                            String status) {
        Instant now = now();
        Page page = new Page(contentIds.incrementAndGet(), space.id, authorId, now);
        page.parentId = parentId;
        page.status = status;
        page.position = (int) pages.values().stream().filter(p -> java.util.Objects.equals(p.parentId, parentId))
                .count();
        page.versions.add(new Version(1, title, storage, authorId, now, "", false));
        pages.put(page.id, page);
        reindex(page);
        return page;
    }

    void requireUniqueTitle(Space space, String title, long exceptPageId) {
        Optional<Page> clash = currentPageTitled(space.id, title);
        if (clash.isPresent() && clash.get().id != exceptPageId) {
            throw new DuplicateTitle("A page with this title already exists: A page already exists with the title "
                    + title + " in the space with key " + space.key);
        }
    }

    /** Duplicate title within a space. */
    static final class DuplicateTitle extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        DuplicateTitle(String message) {
            super(message);
        }
    }

    /** Appends a version; the caller has checked the version number and permission. */
    synchronized Page update(Page page, String title, String storage, String authorId, String message,
                             boolean minorEdit, String status) {
        Space space = spaces.get(page.spaceId);
        if ("current".equals(status)) {
            requireUniqueTitle(space, title, page.id);
        }
        page.versions.add(new Version(page.current().number() + 1, title, storage, authorId, now(),
                message == null ? "" : message, minorEdit));
        page.status = status;
        reindex(page);
        return page;
    }

    /** Moves the page under {@code parentId}, which must be a current page (not trashed, not a draft). */
    synchronized void move(Page page, long parentId) {
        Page parent = pages.get(parentId);
        if (parent == null || !"current".equals(parent.status)) {
            throw new IllegalArgumentException("the new parent " + parentId + " is not a current page");
        }
        for (Long ancestor = parentId; ancestor != null; ancestor = pages.get(ancestor).parentId) {
            if (ancestor == page.id) {
                throw new IllegalStateException("cycle");
            }
        }
        page.parentId = parentId;
        reindex(page);
    }

    /**
     * Moves the page to the trash. As in Confluence, its child pages do not go with it: they move up to the trashed page's
     * parent (the top of the space when it had none), without a new version.
     */
    synchronized void trash(Page page) {
        page.status = "trashed";
        for (Page child : children(page.id)) {
            child.parentId = page.parentId;
            reindex(child);
        }
        reindex(page);
    }

    /**
     * Restores a trashed page where it was (its former children stay where the trash moved them). A current page that
     * took its title in the meantime blocks the restore ({@link DuplicateTitle}): titles are unique among current pages.
     */
    synchronized void restore(Page page) {
        if (!"trashed".equals(page.status)) {
            throw new IllegalStateException("page " + page.id + " is not in the trash");
        }
        Space space = spaces.get(page.spaceId);
        Optional<Page> clash = currentPageTitled(space.id, page.title());
        if (clash.isPresent()) {
            throw new DuplicateTitle("Cannot restore page " + page.id + ": a page already exists with the title "
                    + page.title() + " in the space with key " + space.key + " (page " + clash.get().id
                    + "); rename or trash that page first");
        }
        if (page.parentId != null && !"current".equals(pages.get(page.parentId).status)) {
            page.parentId = spaces.get(page.spaceId).homepageId;
        }
        page.status = "current";
        reindex(page);
    }

    /** Whether the account may edit the page: WRITE on its space, and not shut out by the page's edit restriction. */
    synchronized boolean mayEdit(Page page, String accountId) {
        Space space = spaces.get(page.spaceId);
        return permission(space, accountId).canWrite() && (page.editors.isEmpty() || page.editors.contains(accountId));
    }

    /** Deletes the space and everything in it (Confluence answers 404 for its pages afterwards). */
    synchronized void deleteSpace(Space space) {
        pages.values().removeIf(p -> {
            if (p.spaceId == space.id) {
                index.remove(p.id);
                return true;
            }
            return false;
        });
        spaces.remove(space.id);
    }

    synchronized List<Page> children(long parentId) {
        return pages.values().stream().filter(p -> Long.valueOf(parentId).equals(p.parentId))
                .filter(p -> "current".equals(p.status))
                .sorted(Comparator.comparingInt((Page p) -> p.position).thenComparingLong(p -> p.id))
                .collect(Collectors.toList());
    }

    synchronized List<Page> ancestors(Page page) {
        List<Page> out = new ArrayList<>();
        for (Long id = page.parentId; id != null; id = pages.get(id).parentId) {
            out.add(0, pages.get(id));
        }
        return out;
    }

    // ---- labels

    synchronized List<Label> addLabels(Page page, Collection<String[]> prefixAndNames) {
        for (String[] pn : prefixAndNames) {
            String name = pn[1].toLowerCase(Locale.ROOT);
            String id = labelIdsByName.computeIfAbsent(pn[0] + ":" + name,
                    k -> String.valueOf(labelIds.incrementAndGet()));
            page.labels.putIfAbsent(name, new Label(id, pn[0], name));
        }
        reindex(page);
        return List.copyOf(page.labels.values());
    }

    synchronized boolean removeLabel(Page page, String name) {
        boolean removed = page.labels.remove(name.toLowerCase(Locale.ROOT)) != null;
        reindex(page);
        return removed;
    }

    // ---- attachments (AttachmentStore)

    /** Streams {@code content} to a file in the sandbox's temp folder; fails when it grows past {@code maxBytes}. */
    Path spool(InputStream content, long maxBytes) throws IOException {
        return attachments.spool(content, maxBytes);
    }

    /** The page's attachments, oldest first (a copy). */
    synchronized List<AttachmentStore.Attachment> attachments(Page page) {
        return attachments.attachments(page);
    }

    synchronized Optional<AttachmentStore.Attachment> attachmentNamed(Page page, String title) {
        return attachments.named(page, title);
    }

    /** Adds a new attachment, or a new version of the one with the same name. */
    synchronized AttachmentStore.Attachment putAttachment(Page page, String title, String mediaType, Path spooled,
                                                          String comment, boolean minorEdit, String authorId) {
        return attachments.put(page, title, mediaType, spooled, comment, minorEdit, authorId, false);
    }

    /**
     * Adds a version of the attachment named {@code title}, or creates it; with {@code createOnly} a taken name is
     * {@link AttachmentStore.NameTaken}.
     */
    synchronized AttachmentStore.Attachment putAttachment(Page page, String title, String mediaType, Path spooled,
                                                          String comment, boolean minorEdit, String authorId,
                                                          boolean createOnly) {
        return attachments.put(page, title, mediaType, spooled, comment, minorEdit, authorId, createOnly);
    }

    /** Deletes the attachment named {@code title} (all its versions); answers whether there was one. */
    synchronized boolean deleteAttachment(Page page, String title) {
        return attachments.delete(page, title);
    }

    // ---- search index (SearchIndex)

    private void reindex(Page page) {
        index.reindex(page, spaces.get(page.spaceId));
    }

    /** The documents the index shows now: for each page, its newest snapshot that has become visible. */
    synchronized List<Cql.Doc> searchable() {
        return index.searchable();
    }

    @Override
    public synchronized void close() {
        attachments.close();
    }

    Path attachmentDir() {
        return attachments.dir();
    }
}
