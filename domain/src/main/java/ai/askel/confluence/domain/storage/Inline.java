package ai.askel.confluence.domain.storage;

import ai.askel.confluence.domain.AttachmentName;
import ai.askel.confluence.domain.error.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A piece of inline content: text, emphasis, inline code, a link, a status lozenge, an image or a
 * line break. Styled pieces and links may nest other pieces; every value is escaped on the way out.
 */
public sealed interface Inline {

    /** Appends this piece, escaped, to the body being built. */
    void writeTo(StringBuilder out);

    static Inline text(String text) {
        return new Text(text);
    }

    static Inline strong(String text) {
        return new Strong(text);
    }

    static Inline emphasis(String text) {
        return new Emphasis(text);
    }

    static Inline code(String text) {
        return new Code(text);
    }

    static Inline link(String url, String text) {
        return new Link(url, text);
    }

    static Inline status(StatusColour colour, String title) {
        return new Status(colour, title);
    }

    static Inline lineBreak() {
        return new LineBreak();
    }

    /** Bold content made of other pieces. */
    static Inline strong(Inline... content) {
        return new Styled("strong", List.of(content));
    }

    /** Italic content made of other pieces. */
    static Inline emphasis(Inline... content) {
        return new Styled("em", List.of(content));
    }

    /** Struck-through content. */
    static Inline strikethrough(Inline... content) {
        return new Styled("s", List.of(content));
    }

    /** Several pieces as one (a table cell, a list item's text). */
    static Inline group(List<Inline> content) {
        return new Styled("", content);
    }

    /** A link whose text is made of other pieces; http, https and mailto only. */
    static Inline link(String url, Inline... content) {
        return new RichLink(new Link(url, ""), List.of(content));
    }

    /** A link to a file attached to the page. */
    static Inline attachmentLink(String fileName, String text) {
        return new AttachmentLink(fileName, text);
    }

    /** An image of a file attached to the page, inline. */
    static Inline attachedImage(String fileName, String altText) {
        return new Image(true, fileName, altText);
    }

    /** An image from an http or https URL. */
    static Inline externalImage(String url, String altText) {
        return new Image(false, new Link(url, "").url(), altText);
    }

    record Text(String text) implements Inline {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public void writeTo(StringBuilder out) {
            out.append(StorageText.escapeText(text));
        }
    }

    record Strong(String text) implements Inline {
        public Strong {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public void writeTo(StringBuilder out) {
            out.append("<strong>").append(StorageText.escapeText(text)).append("</strong>");
        }
    }

    record Emphasis(String text) implements Inline {
        public Emphasis {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public void writeTo(StringBuilder out) {
            out.append("<em>").append(StorageText.escapeText(text)).append("</em>");
        }
    }

    record Code(String text) implements Inline {
        public Code {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public void writeTo(StringBuilder out) {
            out.append("<code>").append(StorageText.escapeText(text)).append("</code>");
        }
    }

    /** A link; only http, https and mailto targets are written (no {@code javascript:}). */
    record Link(String url, String text) implements Inline {
        private static final Set<String> SCHEMES = Set.of("http", "https", "mailto");

        public Link {
            Objects.requireNonNull(text, "text");
            if (url == null || url.isBlank()) {
                throw InvalidInputException.of("link", "a link needs a URL");
            }
            try {
                URI uri = new URI(url.strip());
                if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
                    throw InvalidInputException.of("link", "'%s' is not an http, https or mailto link".formatted(url));
                }
            } catch (URISyntaxException e) {
                throw InvalidInputException.of("link", "'%s' is not a URL".formatted(url));
            }
            url = url.strip();
        }

        @Override
        public void writeTo(StringBuilder out) {
            out.append("<a href=\"").append(StorageText.escapeAttribute(url)).append("\">")
                    .append(StorageText.escapeText(text.isEmpty() ? url : text)).append("</a>");
        }
    }

    /** Confluence's status lozenge macro. */
    record Status(StatusColour colour, String title) implements Inline {
        public Status {
            Objects.requireNonNull(colour, "colour");
            Objects.requireNonNull(title, "title");
        }

        @Override
        public void writeTo(StringBuilder out) {
            out.append("<ac:structured-macro ac:name=\"status\">");
            StorageBuilder.parameter(out, "colour", colour.macroValue());
            StorageBuilder.parameter(out, "title", title);
            out.append("</ac:structured-macro>");
        }
    }

    /** Pieces wrapped in one element ({@code strong}, {@code em}, {@code s}), or in none when {@code tag} is empty. */
    record Styled(String tag, List<Inline> content) implements Inline {
        private static final Set<String> TAGS = Set.of("", "strong", "em", "s");

        public Styled {
            if (!TAGS.contains(tag)) {
                throw new IllegalArgumentException("not an inline style: " + tag);
            }
            content = List.copyOf(content);
        }

        @Override
        public void writeTo(StringBuilder out) {
            if (!tag.isEmpty()) {
                out.append('<').append(tag).append('>');
            }
            content.forEach(piece -> piece.writeTo(out));
            if (!tag.isEmpty()) {
                out.append("</").append(tag).append('>');
            }
        }
    }

    /** A link whose text holds other pieces (a link inside never nests: it is written as its text). */
    record RichLink(Link target, List<Inline> content) implements Inline {
        public RichLink {
            Objects.requireNonNull(target, "target");
            content = List.copyOf(content);
        }

        @Override
        public void writeTo(StringBuilder out) {
            out.append("<a href=\"").append(StorageText.escapeAttribute(target.url())).append("\">");
            if (content.isEmpty()) {
                out.append(StorageText.escapeText(target.url()));
            }
            content.forEach(piece -> piece.writeTo(out));
            out.append("</a>");
        }
    }

    /** Confluence's link to an attachment of the page. */
    record AttachmentLink(String fileName, String text) implements Inline {
        public AttachmentLink {
            AttachmentName.require(fileName);
            Objects.requireNonNull(text, "text");
        }

        @Override
        public void writeTo(StringBuilder out) {
            out.append("<ac:link><ri:attachment ri:filename=\"").append(StorageText.escapeAttribute(fileName)).append("\" />");
            out.append("<ac:plain-text-link-body>").append(StorageText.cdata(text.isEmpty() ? fileName : text))
                    .append("</ac:plain-text-link-body></ac:link>");
        }
    }

    /** An image: of an attachment of the page, or from an http(s) URL. */
    record Image(boolean attachment, String source, String altText) implements Inline {
        public Image {
            if (attachment) {
                AttachmentName.require(source);
            }
            Objects.requireNonNull(source, "source");
        }

        @Override
        public void writeTo(StringBuilder out) {
            out.append("<ac:image");
            if (altText != null && !altText.isBlank()) {
                out.append(" ac:alt=\"").append(StorageText.escapeAttribute(altText)).append('"');
            }
            out.append(attachment ? "><ri:attachment ri:filename=\"" : "><ri:url ri:value=\"")
                    .append(StorageText.escapeAttribute(source)).append("\" /></ac:image>");
        }
    }

    record LineBreak() implements Inline {
        @Override
        public void writeTo(StringBuilder out) {
            out.append("<br />");
        }
    }
}
