package ai.askel.confluence.domain;

import ai.askel.confluence.domain.error.InvalidInputException;
import java.util.regex.Pattern;

/** Confluence's id of an attachment: v1 answers {@code att123}, v2 accepts both forms. */
public record AttachmentId(String value) {
    private static final Pattern FORM = Pattern.compile("(att)?[1-9][0-9]{0,18}");

    public AttachmentId {
        Require.present(value, "attachmentId");
        if (!FORM.matcher(value).matches()) {
            throw InvalidInputException.of("attachmentId", "'%s' is not a Confluence attachment id".formatted(Require.shortDisplay(value)));
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
