package ai.askel.confluence.domain;

import java.util.Objects;
import java.util.Optional;

/** What an update writes: the page's next version, with its title, body and an optional message. */
public record PageRevision(PageId pageId, Title title, PageBody body, Version version, Optional<String> message,
                           Optional<PageId> parentId) {
    public static final int MAX_MESSAGE_LENGTH = 255;

    /** A revision that leaves the page where it is. */
    public PageRevision(PageId pageId, Title title, PageBody body, Version version, Optional<String> message) {
        this(pageId, title, body, version, message, Optional.empty());
    }

    /** The same revision, also moving the page under {@code parent} (in the same space). */
    public PageRevision under(PageId parent) {
        return new PageRevision(pageId, title, body, version, message, Optional.of(parent));
    }

    public PageRevision {
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(pageId, "pageId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(message, "message");
        message = message.map(String::strip).filter(m -> !m.isEmpty());
        message.ifPresent(m -> {
            Require.noControlCharacters(m, "message");
            if (m.length() > MAX_MESSAGE_LENGTH) {
                throw ai.askel.confluence.domain.error.InvalidInputException.of("message",
                        "is %d characters long; at most %d are kept".formatted(m.length(), MAX_MESSAGE_LENGTH));
            }
        });
    }
}
