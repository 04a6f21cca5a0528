package ai.askel.confluence.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local, stateful Confluence Cloud: the v2 and v1 REST endpoints the connector uses, under {@code /wiki}, with
 * Basic auth, per-space permissions, versions, labels, attachments, CQL search, both pagination styles, rate limits,
 * fault injection and a request log.
 *
 * <pre>{@code
 * try (ConfluenceSandbox sandbox = ConfluenceSandbox.builder().port(0)
 *         .user("ada@example.com", "token-1", "557058:ada", "Ada")
 *         .space("INFRA", "Infrastructure")
 *         .start()) {
 *     URI site = URI.create(sandbox.baseUrl());          // http://127.0.0.1:PORT, the "site origin"
 *     sandbox.requestLog().count("POST /wiki/api/v2/pages");
 * }
 * }</pre>
 *
 * The person-like operations ({@link #editPage}, {@link #renamePage}, {@link #movePage}, {@link #trashPage},
 * {@link #removeLabel}, {@link #replaceAttachment}, {@link #revokeToken}, {@link #setPermission}) change the site the
 * way someone working in Confluence's UI would, for drift tests.
 */
public final class ConfluenceSandbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConfluenceSandbox.class);
    private static final String SYSTEM = "557058:sandbox-system";

    private final Store store;
    private final PersonActions person;
    private final RequestLog requestLog = new RequestLog();
    private final Faults faults = new Faults();
    private final RateLimits rateLimits;
    private final Path multipartCache;
    private final SandboxServer server;
    private volatile long maxAttachmentBytes;
    private volatile String baseUrl = "http://127.0.0.1:0";

    /** Use {@link #builder()}. */
    ConfluenceSandbox(Clock clock, Duration indexDelay, long maxAttachmentBytes) {
        this.store = new Store(clock, indexDelay);
        this.person = new PersonActions(store);
        this.rateLimits = new RateLimits(clock);
        this.maxAttachmentBytes = maxAttachmentBytes;
        try {
            this.multipartCache = Files.createDirectories(store.attachmentDir().resolve("multipart"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.server = new SandboxServer(this, store, multipartCache);
    }

    public static ConfluenceSandboxBuilder builder() {
        return new ConfluenceSandboxBuilder();
    }

    /** The site origin, e.g. {@code http://127.0.0.1:8090}; Confluence lives under {@code /wiki}. */
    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return Integer.parseInt(baseUrl.substring(baseUrl.lastIndexOf(':') + 1));
    }

    public RequestLog requestLog() {
        return requestLog;
    }

    /** Forgets the request counts and the recent-request list. */
    public void resetCounters() {
        requestLog.reset();
    }

    public Faults faults() {
        return faults;
    }

    public RateLimits rateLimits() {
        return rateLimits;
    }

    /** Search results show writes only after this delay, as Confluence's index does (default 0). */
    public void indexDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("index delay must not be negative");
        }
        store.indexDelay(delay);
    }

    public Duration indexDelay() {
        return store.indexDelay();
    }

    /** Larger uploads answer 404, as Confluence does for "exceeds the maximum configured attachment size". */
    public void maxAttachmentBytes(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("max attachment size must be positive");
        }
        this.maxAttachmentBytes = bytes;
    }

    public long maxAttachmentBytes() {
        return maxAttachmentBytes;
    }

    // ---- site set-up

    public void addUser(SandboxUser user) {
        store.addUser(user);
    }

    public List<SandboxUser> users() {
        return store.accounts().stream()
                .map(a -> new SandboxUser(a.email, a.token, a.accountId, a.displayName)).collect(Collectors.toList());
    }

    /** Creates a space with a homepage; every user may write in it until permissions say otherwise. */
    public String addSpace(String key, String name) {
        List<Store.Account> accounts = store.accounts();
        String author = accounts.isEmpty() ? SYSTEM : accounts.get(0).accountId;
        return String.valueOf(store.addSpace(key, name, author).id);
    }

    /** The v2 id of the space with {@code key}. */
    public String spaceId(String key) {
        return String.valueOf(store.spaceByKeyOrThrow(key).id);
    }

    /** The id of the space's homepage. */
    public String homepageId(String key) {
        return String.valueOf(store.spaceByKeyOrThrow(key).homepageId);
    }

    /** Sets what {@code user} (email or account id) may do in the space: the person-like "drop a permission". */
    public void setPermission(String user, String spaceKey, Permission permission) {
        store.grant(spaceKey, user, permission);
    }

    /** What users without an explicit grant may do in the space (default WRITE). */
    public void defaultPermission(String spaceKey, Permission permission) {
        store.defaultPermission(spaceKey, permission);
    }

    /** Lets the anonymous user read the space. */
    public void anonymousRead(String spaceKey, boolean allowed) {
        store.anonymousRead(spaceKey, allowed);
    }

    // ---- person-like operations

    /** Creates a page under the space homepage, as {@code asUser} (email or account id); returns its id. */
    public String createPage(String spaceKey, String title, String storage, String asUser) {
        return createPage(spaceKey, null, title, storage, asUser);
    }

    /** Creates a page under {@code parentId} (null: the homepage), which must be a current page; returns its id. */
    public String createPage(String spaceKey, String parentId, String title, String storage, String asUser) {
        return person.createPage(spaceKey, parentId, title, storage, asUser);
    }

    /** Saves a new version with {@code storage} as the body, as {@code asUser}. */
    public void editPage(String pageId, String asUser, String storage) {
        person.editPage(pageId, asUser, storage);
    }

    /** Saves a new version with a new title, as {@code asUser}. */
    public void renamePage(String pageId, String asUser, String newTitle) {
        person.renamePage(pageId, asUser, newTitle);
    }

    /** Moves the page under another parent in the same space; the parent must be a current page (not trashed). */
    public void movePage(String pageId, String newParentId, String asUser) {
        person.movePage(pageId, newParentId, asUser);
    }

    /**
     * Opens the page in the Cloud editor and saves it without changing a word: a new version by {@code asUser} whose body
     * carries the ids, layout and attachment versions the editor adds ({@link EditorSave}).
     */
    public void editorSave(String pageId, String asUser) {
        person.editorSave(pageId, asUser);
    }

    /**
     * Restores a trashed page (under its former parent, or the space's homepage if that is gone too). Refused with an
     * {@link IllegalArgumentException} naming the page that holds the title when a current page in the space has its
     * title now (the admin API answers 400, as Confluence answers a title taken in the space, and as the v2 update
     * restoring the page with {@code status: current} does).
     */
    public void restorePage(String pageId, String asUser) {
        person.restorePage(pageId, asUser);
    }

    /** Restricts editing of the page to these users (emails or account ids); none lifts the restriction. */
    public void restrictEditing(String pageId, String... users) {
        person.restrictEditing(pageId, users);
    }

    /** Deletes the space with all its pages. */
    public void deleteSpace(String spaceKey) {
        person.deleteSpace(spaceKey);
    }

    /** Renames the space (its key stays, as in Confluence). */
    public void renameSpace(String spaceKey, String newName) {
        person.renameSpace(spaceKey, newName);
    }

    /** Moves the page to the trash (status {@code trashed}); its children move up to its parent, as in Confluence. */
    public void trashPage(String pageId, String asUser) {
        person.trashPage(pageId, asUser);
    }

    /** Adds global labels (lower-cased). */
    public void addLabels(String pageId, String... labels) {
        person.addLabels(pageId, labels);
    }

    /** Removes a label; returns false when the page did not have it. */
    public boolean removeLabel(String pageId, String label) {
        return person.removeLabel(pageId, label);
    }

    /** Adds or replaces (new version) the attachment named {@code filename}. */
    public void replaceAttachment(String pageId, String filename, byte[] content, String asUser) {
        person.replaceAttachment(pageId, filename, content, asUser);
    }

    /** Deletes the attachment named {@code filename} from the page, as a person would in the page's attachments; false if absent. */
    public boolean deleteAttachment(String pageId, String filename, String asUser) {
        return person.deleteAttachment(pageId, filename, asUser);
    }

    /** Invalidates the user's API token: their next request answers 401. */
    public void revokeToken(String user) {
        store.revokeToken(user);
    }

    /** Gives the user a new API token (also after {@link #revokeToken}); the old one stops working. */
    public void setToken(String user, String token) {
        store.setToken(user, token);
    }

    /** The page as the sandbox holds it now. */
    public Optional<SandboxPage> findPage(String pageId) {
        Optional<Store.Page> found;
        try {
            found = store.page(Long.parseLong(pageId));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return found.map(p -> {
            synchronized (store) {
                return new SandboxPage(String.valueOf(p.id), store.space(p.spaceId).orElseThrow().key, p.title(),
                        p.status, p.current().number(), p.current().storage(),
                        Optional.ofNullable(p.parentId).map(String::valueOf),
                        new ArrayList<>(p.labels.keySet()),
                        p.attachments.stream().map(a -> a.title).collect(Collectors.toList()));
            }
        });
    }

    /** The id of the current page titled {@code title} in the space. */
    public Optional<String> findPageId(String spaceKey, String title) {
        return store.currentPageTitled(store.spaceByKeyOrThrow(spaceKey).id, title).map(p -> String.valueOf(p.id));
    }

    /** Where uploaded attachments are stored (a temp folder deleted on close). */
    Path attachmentDirectory() {
        return store.attachmentDir();
    }

    /** Stops the server and deletes stored attachments. */
    @Override
    public void close() {
        server.stop();
        store.close();
    }

    /** Starts the server ({@link ConfluenceSandboxBuilder#start()} calls this once the steps have run). */
    ConfluenceSandbox start(String host, int port) {
        int bound = server.start(host, port);
        this.baseUrl = "http://" + host + ":" + bound;
        LOG.info("Confluence sandbox listening at {}/wiki ({} users, {} spaces)", baseUrl, store.accounts().size(),
                store.spaces().size());
        return this;
    }
}
