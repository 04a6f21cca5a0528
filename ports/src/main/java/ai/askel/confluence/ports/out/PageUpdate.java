package ai.askel.confluence.ports.out;

import ai.askel.confluence.domain.PageBody;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.Version;
import java.util.Objects;
import java.util.Optional;

/**
 * A change to a page's body (and title). With a base version, the write is version base + 1 and a
 * page that moved on is a version conflict (nothing overwritten); without one, the adapter reads the
 * current version and retries a bounded number of times on 409. With both a base version and a
 * title, no read is needed at all.
 */
public record PageUpdate(PageId pageId, Optional<Title> title, PageBody body, Optional<Version> baseVersion, Optional<String> message) {
    public PageUpdate {
        Objects.requireNonNull(pageId, "pageId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(baseVersion, "baseVersion");
        Objects.requireNonNull(message, "message");
    }
}
