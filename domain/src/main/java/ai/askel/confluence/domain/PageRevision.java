package ai.askel.confluence.domain;

import java.util.Objects;
import java.util.Optional;

/** What an update writes: the page's next version, with its title, body and an optional message. */
public record PageRevision(PageId pageId, Title title, PageBody body, Version version, Optional<String> message) {
    public static final int MAX_MESSAGE_LENGTH = 255;

    public PageRevision {
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
