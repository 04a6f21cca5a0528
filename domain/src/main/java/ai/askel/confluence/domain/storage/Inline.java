package ai.askel.confluence.domain.storage;

import ai.askel.confluence.domain.error.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** A piece of inline content: text, emphasis, inline code, a link, a status lozenge or a line break. */
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

    record LineBreak() implements Inline {
        @Override
        public void writeTo(StringBuilder out) {
            out.append("<br />");
        }
    }
}
