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
}
