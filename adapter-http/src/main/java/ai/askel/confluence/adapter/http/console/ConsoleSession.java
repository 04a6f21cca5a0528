package ai.askel.confluence.adapter.http.console;

import ai.askel.confluence.ports.in.AuthenticatedCaller;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A signed-in console user: whose key it was (workspace and visible prefix; never the key itself),
 * whether the key may write, the session's CSRF token, and when it started and was last used. Files
 * staged by previews (a diagram to publish with) live with the session and die with it; each is found
 * only by the token its preview's form carries, and a session keeps at most {@link #MAX_STAGED_FILES}.
 */
final class ConsoleSession {
    /** Previews open at once in one session (several tabs); staging one more deletes the oldest file. */
    static final int MAX_STAGED_FILES = 4;

    private final String id;
    private final AuthenticatedCaller caller;
    private final boolean canWrite;
    private final String csrfToken;
    private final Instant started;
    private volatile Instant lastSeen;
    private final Map<String, StagedFile> staged = new LinkedHashMap<>();
    private volatile String flash;

    ConsoleSession(String id, AuthenticatedCaller caller, boolean canWrite, String csrfToken, Instant started) {
        this.id = Objects.requireNonNull(id, "id");
        this.caller = Objects.requireNonNull(caller, "caller");
        this.canWrite = canWrite;
        this.csrfToken = Objects.requireNonNull(csrfToken, "csrfToken");
        this.started = Objects.requireNonNull(started, "started");
        this.lastSeen = started;
    }

    String id() {
        return id;
    }

    AuthenticatedCaller caller() {
        return caller;
    }

    boolean canWrite() {
        return canWrite;
    }

    String csrfToken() {
        return csrfToken;
    }

    Instant started() {
        return started;
    }

    Instant lastSeen() {
        return lastSeen;
    }

    void touch(Instant at) {
        lastSeen = at;
    }

    /** A notice for the next page shown. */
    void flash(String notice) {
        flash = notice;
    }

    /** The notice left for this page, once. */
    Optional<String> takeFlash() {
        String notice = flash;
        flash = null;
        return Optional.ofNullable(notice);
    }

    /** The file staged by the preview whose form carries this token. */
    synchronized Optional<StagedFile> staged(String token) {
        return Optional.ofNullable(staged.get(token));
    }

    synchronized int stagedCount() {
        return staged.size();
    }

    /** Keeps this file for the publish of its preview; beyond {@link #MAX_STAGED_FILES} the oldest is deleted. */
    void stage(StagedFile file) {
        List<StagedFile> evicted = new ArrayList<>();
        synchronized (this) {
            staged.put(file.token(), file);
            for (Iterator<StagedFile> oldest = staged.values().iterator(); staged.size() > MAX_STAGED_FILES; ) {
                evicted.add(oldest.next());
                oldest.remove();
            }
        }
        evicted.forEach(StagedFile::delete);
    }

    /** Forgets (and deletes) the file of this token, if it is still staged. */
    void unstage(String token) {
        StagedFile removed;
        synchronized (this) {
            removed = staged.remove(token);
        }
        if (removed != null) {
            removed.delete();
        }
    }

    /** Forgets (and deletes) every staged file (the session ends). */
    void clearStaged() {
        List<StagedFile> all;
        synchronized (this) {
            all = List.copyOf(staged.values());
            staged.clear();
        }
        all.forEach(StagedFile::delete);
    }
}
