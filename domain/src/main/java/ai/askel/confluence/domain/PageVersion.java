package ai.askel.confluence.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One version in a page's history: who wrote it, when, and with which message. */
public record PageVersion(Version number, Optional<String> authorId, Optional<Instant> createdAt, Optional<String> message) {
    public PageVersion {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(authorId, "authorId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(message, "message");
    }

    public static PageVersion of(Version number) {
        return new PageVersion(number, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
