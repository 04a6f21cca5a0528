package ai.askel.confluence.adapter.http.console;

import ai.askel.confluence.ports.in.AuthenticatedCaller;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A signed-in console user: whose key it was (workspace and visible prefix; never the key itself),
 * whether the key may write, the session's CSRF token, and when it started and was last used. The
 * one file staged by a preview (a diagram to publish with) lives with the session and dies with it.
 */
final class ConsoleSession {
    private final String id;
    private final AuthenticatedCaller caller;
    private final boolean canWrite;
    private final String csrfToken;
    private final Instant started;
    private volatile Instant lastSeen;
    private volatile StagedFile staged;
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

    Optional<StagedFile> staged() {
        return Optional.ofNullable(staged);
    }

    /** Keeps this file for the next publish, deleting the one staged before. */
    synchronized void stage(StagedFile file) {
        StagedFile previous = staged;
        staged = file;
        if (previous != null && previous != file) {
            previous.delete();
        }
    }

    /** Forgets (and deletes) the staged file. */
    synchronized void clearStaged() {
        stage(null);
    }
}
