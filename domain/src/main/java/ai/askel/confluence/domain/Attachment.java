package ai.askel.confluence.domain;

import java.util.Objects;
import java.util.Optional;

/** A file attached to a page; {@code authorId} is the account that uploaded its current version, where Confluence said. */
public record Attachment(AttachmentId id, String fileName, long size, String mediaType, Version version,
                         Optional<String> comment, Optional<String> downloadUrl, Optional<String> authorId) {
    /** An attachment whose uploader is not known. */
    public Attachment(AttachmentId id, String fileName, long size, String mediaType, Version version, Optional<String> comment,
                      Optional<String> downloadUrl) {
        this(id, fileName, size, mediaType, version, comment, downloadUrl, Optional.empty());
    }

    public Attachment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(downloadUrl, "downloadUrl");
        Objects.requireNonNull(authorId, "authorId");
    }
}
