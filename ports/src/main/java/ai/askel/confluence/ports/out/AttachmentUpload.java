package ai.askel.confluence.ports.out;

import ai.askel.confluence.domain.AttachmentName;
import ai.askel.confluence.domain.error.InvalidInputException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** A file to attach to a page: created, or a new version if the page already has one by that name. */
public record AttachmentUpload(String fileName, String mediaType, long size, ContentSource content,
                               Optional<String> comment, boolean minorEdit) {
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-zA-Z0-9!#$&^_.+-]{1,64}/[a-zA-Z0-9!#$&^_.+-]{1,64}");

    public AttachmentUpload {
        AttachmentName.require(fileName);
        if (mediaType == null || !MEDIA_TYPE.matcher(mediaType).matches()) {
            throw InvalidInputException.of("mediaType", "'%s' is not a media type such as image/png".formatted(mediaType));
        }
        if (size < 0) {
            throw InvalidInputException.of("size", "must not be negative");
        }
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(comment, "comment");
    }
}
