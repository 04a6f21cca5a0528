package ai.askel.confluence.domain;

import ai.askel.confluence.domain.error.InvalidInputException;
import java.util.Objects;

/** A file to attach to a page, known by its name, SHA-256 and size (the content itself streams elsewhere). */
public record AttachmentDigest(String fileName, ContentHash hash, long size) {
    public AttachmentDigest {
        AttachmentName.require(fileName);
        Objects.requireNonNull(hash, "hash");
        if (size < 0) {
            throw InvalidInputException.of("size", "must not be negative");
        }
    }
}
