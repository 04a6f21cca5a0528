package ai.askel.confluence.domain;

import ai.askel.confluence.domain.error.InvalidInputException;
import java.util.Objects;

/** An attachment the connector wrote to a managed page: its file name, content hash and Confluence id. */
public record PublishedAttachment(String fileName, ContentHash hash, AttachmentId attachmentId, long size) {
    public PublishedAttachment {
        AttachmentName.require(fileName);
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(attachmentId, "attachmentId");
        if (size < 0) {
            throw InvalidInputException.of("size", "must not be negative");
        }
    }
}
