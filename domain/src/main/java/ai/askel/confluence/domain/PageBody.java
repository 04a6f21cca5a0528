package ai.askel.confluence.domain;

import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.domain.storage.StorageFormatValidator;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A page body in one representation. A storage body is checked for well-formedness when it is
 * made, so a body Confluence would reject never leaves the connector.
 */
public record PageBody(BodyRepresentation representation, String value) {
    /** Confluence refuses requests over 5 MB (5,242,880 bytes); the body must leave room for the rest. */
    public static final int MAX_BYTES = 5 * 1024 * 1024 - 16 * 1024;

    public PageBody {
        Objects.requireNonNull(representation, "representation");
        if (value == null) {
            throw InvalidInputException.of("body.value", "is required");
        }
        // a char is at most three bytes in UTF-8: only a body that long is encoded to be measured
        if (value.length() > MAX_BYTES / 3) {
            int bytes = value.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_BYTES) {
                throw InvalidInputException.of("body.value", "is %d bytes; Confluence accepts requests of at most 5 MB".formatted(bytes));
            }
        }
        if (representation == BodyRepresentation.STORAGE) {
            StorageFormatValidator.validate(value);
        }
    }

    public static PageBody storage(String xhtml) {
        return new PageBody(BodyRepresentation.STORAGE, xhtml);
    }

    public static PageBody wiki(String markup) {
        return new PageBody(BodyRepresentation.WIKI, markup);
    }

    /** A Markdown body; the connector converts it to storage format before it is sent. */
    public static PageBody markdown(String markdown) {
        return new PageBody(BodyRepresentation.MARKDOWN, markdown);
    }

    @Override
    public String toString() {
        return "PageBody[" + representation.wireName() + ", " + value.length() + " chars]";
    }
}
