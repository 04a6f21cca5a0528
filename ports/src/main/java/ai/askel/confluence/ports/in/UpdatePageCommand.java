package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.PageBody;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.Version;
import java.util.Objects;
import java.util.Optional;

/**
 * A new body (and optionally title) for a page. With {@code baseVersion}, the update is refused
 * with a version conflict if the page has moved on since that version. When the title and the
 * canonical body are those the page already has, nothing is written unless {@code force}.
 */
public record UpdatePageCommand(ConnectionRef ref, PageId page, Optional<Title> title, PageBody body,
                                Optional<Version> baseVersion, Optional<String> message, boolean force) {
    /** An update that writes nothing when it would change nothing. */
    public UpdatePageCommand(ConnectionRef ref, PageId page, Optional<Title> title, PageBody body, Optional<Version> baseVersion,
                             Optional<String> message) {
        this(ref, page, title, body, baseVersion, message, false);
    }

    public UpdatePageCommand {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(baseVersion, "baseVersion");
        Objects.requireNonNull(message, "message");
    }

    /** A new body for the page, title kept, whatever its version: add {@code .basedOn(version)} to refuse a concurrent change. */
    public static UpdatePageCommand of(ConnectionRef ref, PageId page, PageBody body) {
        return new UpdatePageCommand(ref, page, Optional.empty(), body, Optional.empty(), Optional.empty());
    }

    /** The same update, refused with a version conflict if the page is no longer at {@code version}. */
    public UpdatePageCommand basedOn(Version version) {
        return new UpdatePageCommand(ref, page, title, body, Optional.of(version), message, force);
    }

    /** The same update, also renaming the page. */
    public UpdatePageCommand retitled(Title newTitle) {
        return new UpdatePageCommand(ref, page, Optional.of(newTitle), body, baseVersion, message, force);
    }

    /** The same update, with a version message. */
    public UpdatePageCommand withMessage(String versionMessage) {
        return new UpdatePageCommand(ref, page, title, body, baseVersion, Optional.of(versionMessage), force);
    }

    /** The same update, written even when it would change nothing (a new version all the same). */
    public UpdatePageCommand forced() {
        return new UpdatePageCommand(ref, page, title, body, baseVersion, message, true);
    }
}
