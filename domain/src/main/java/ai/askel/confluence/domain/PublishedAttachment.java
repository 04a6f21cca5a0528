package ai.askel.confluence.domain;

import ai.askel.confluence.domain.error.InvalidInputException;
import java.util.Objects;
import java.util.Optional;

/**
 * An attachment the connector wrote to a managed page: its file name, content hash, Confluence id,
 * size and the attachment version Confluence gave the upload (empty for records written before the
 * version was kept). A later version, or another id under the name, is someone else's file.
 */
public record PublishedAttachment(String fileName, ContentHash hash, AttachmentId attachmentId, long size, Optional<Version> version) {
    /** An attachment whose Confluence version is not known. */
    public PublishedAttachment(String fileName, ContentHash hash, AttachmentId attachmentId, long size) {
        this(fileName, hash, attachmentId, size, Optional.empty());
    }

    /** The attachment as Confluence answered the upload. */
    public static PublishedAttachment written(String fileName, ContentHash hash, Attachment written, long size) {
        return new PublishedAttachment(fileName, hash, written.id(), size, Optional.of(written.version()));
    }

    public PublishedAttachment {
        AttachmentName.require(fileName);
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(attachmentId, "attachmentId");
        Objects.requireNonNull(version, "version");
        if (size < 0) {
            throw InvalidInputException.of("size", "must not be negative");
        }
    }
}
