package ai.askel.confluence.domain;

import java.util.Objects;
import java.util.Optional;

/** A file attached to a page. */
public record Attachment(AttachmentId id, String fileName, long size, String mediaType, Version version,
                         Optional<String> comment, Optional<String> downloadUrl) {
    public Attachment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(downloadUrl, "downloadUrl");
    }
}
