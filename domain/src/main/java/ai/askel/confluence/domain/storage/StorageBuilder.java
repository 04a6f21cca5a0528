package ai.askel.confluence.domain.storage;

import ai.askel.confluence.domain.AttachmentName;
import ai.askel.confluence.domain.error.InvalidInputException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Builds Confluence storage format (XHTML) safely: every text and attribute value is escaped, code
 * goes into CDATA with {@code ]]>} split, so product data can never inject markup or macros. What
 * {@link #build()} returns is always well-formed.
 *
 * <pre>{@code
 * String body = StorageBuilder.create()
 *     .heading(1, "Crestview Production")
 *     .paragraph(Inline.text("Status: "), Inline.status(StatusColour.GREEN, "LIVE"))
 *     .table(List.of("Name", "Role"), List.of(List.of("Ada", "On call")))
 *     .build();
 * }</pre>
 */
public final class StorageBuilder {
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z0-9#+.-]{1,32}");

    private final StringBuilder out = new StringBuilder(1024);

    private StorageBuilder() {
    }

    public static StorageBuilder create() {
        return new StorageBuilder();
    }

    public StorageBuilder heading(int level, String text) {
        return heading(level, Inline.text(text));
    }

    public StorageBuilder heading(int level, Inline... content) {
        if (level < 1 || level > 6) {
            throw new IllegalArgumentException("heading level must be 1 to 6, was " + level);
        }
        out.append("<h").append(level).append('>');
        inline(content);
        out.append("</h").append(level).append('>');
        return this;
    }

    public StorageBuilder paragraph(String text) {
        return paragraph(Inline.text(text));
    }

    public StorageBuilder paragraph(Inline... content) {
        out.append("<p>");
        inline(content);
        out.append("</p>");
        return this;
    }

    /** A bulleted list, one item per string. */
    public StorageBuilder bulletList(Collection<String> items) {
        return list("ul", items.stream().map(i -> List.of(Inline.text(i))).toList());
    }

    /** A numbered list, one item per string. */
    public StorageBuilder orderedList(Collection<String> items) {
        return list("ol", items.stream().map(i -> List.of(Inline.text(i))).toList());
    }

    /** A bulleted list whose items hold inline content. */
    public StorageBuilder bulletListOf(List<List<Inline>> items) {
        return list("ul", items);
    }

    /** A table with a header row; every row must have as many cells as there are headers. */
    public StorageBuilder table(List<String> headers, List<List<String>> rows) {
        return tableOf(headers, rows.stream().map(r -> r.stream().map(Inline::text).toList()).toList());
    }

    public StorageBuilder tableOf(List<String> headers, List<List<Inline>> rows) {
        return richTable(headers.stream().map(Inline::text).toList(), rows);
    }

    /** A table whose header cells hold inline content too. */
    public StorageBuilder richTable(List<Inline> headers, List<List<Inline>> rows) {
        if (headers.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        out.append("<table><tbody><tr>");
        for (Inline header : headers) {
            out.append("<th>");
            header.writeTo(out);
            out.append("</th>");
        }
        out.append("</tr>");
        for (int r = 0; r < rows.size(); r++) {
            List<Inline> row = rows.get(r);
            if (row.size() != headers.size()) {
                throw InvalidInputException.of("table", "row %d has %d cells but the table has %d columns"
                        .formatted(r + 1, row.size(), headers.size()));
            }
            out.append("<tr>");
            for (Inline cell : row) {
                out.append("<td>");
                cell.writeTo(out);
                out.append("</td>");
            }
            out.append("</tr>");
        }
        out.append("</tbody></table>");
        return this;
    }

    /** A code block (Confluence's code macro); the code is kept verbatim in CDATA. */
    public StorageBuilder codeBlock(String language, String code) {
        Objects.requireNonNull(code, "code");
        out.append("<ac:structured-macro ac:name=\"code\">");
        if (language != null && !language.isBlank()) {
            if (!LANGUAGE.matcher(language).matches()) {
                throw InvalidInputException.of("language", "'%s' is not a code language name".formatted(language));
            }
            parameter(out, "language", language);
        }
        out.append("<ac:plain-text-body>").append(StorageText.cdata(code)).append("</ac:plain-text-body></ac:structured-macro>");
        return this;
    }

    /** An info, note, warning or tip panel with an optional title and rich content. */
    public StorageBuilder panel(PanelType type, String title, Consumer<StorageBuilder> content) {
        out.append("<ac:structured-macro ac:name=\"").append(type.macroName()).append("\">");
        if (title != null && !title.isBlank()) {
            parameter(out, "title", title);
        }
        out.append("<ac:rich-text-body>").append(nested(content)).append("</ac:rich-text-body></ac:structured-macro>");
        return this;
    }

    private static CharSequence nested(Consumer<StorageBuilder> content) {
        StorageBuilder inner = new StorageBuilder();
        content.accept(inner);
        return inner.out;
    }

    /** An image of a file attached to the page itself. */
    public StorageBuilder attachedImage(String fileName, String altText) {
        AttachmentName.require(fileName);
        out.append("<ac:image");
        if (altText != null && !altText.isBlank()) {
            out.append(" ac:alt=\"").append(StorageText.escapeAttribute(altText)).append('"');
        }
        out.append("><ri:attachment ri:filename=\"").append(StorageText.escapeAttribute(fileName)).append("\" /></ac:image>");
        return this;
    }

    /** A list whose items hold blocks (paragraphs, nested lists, code); {@code ordered} for a numbered one. */
    public StorageBuilder listOfBlocks(boolean ordered, List<Consumer<StorageBuilder>> items) {
        String tag = ordered ? "ol" : "ul";
        out.append('<').append(tag).append('>');
        for (Consumer<StorageBuilder> item : items) {
            out.append("<li>").append(nested(item)).append("</li>");
        }
        out.append("</").append(tag).append('>');
        return this;
    }

    /** A task list (Confluence's check boxes): each task is done or not, with inline content. */
    public StorageBuilder taskList(List<Boolean> done, List<List<Inline>> tasks) {
        if (done.size() != tasks.size()) {
            throw new IllegalArgumentException("one done flag per task");
        }
        out.append("<ac:task-list>");
        for (int i = 0; i < tasks.size(); i++) {
            out.append("<ac:task><ac:task-status>").append(done.get(i) ? "complete" : "incomplete").append("</ac:task-status>")
                    .append("<ac:task-body>");
            tasks.get(i).forEach(piece -> piece.writeTo(out));
            out.append("</ac:task-body></ac:task>");
        }
        out.append("</ac:task-list>");
        return this;
    }

    /** A block quote holding blocks. */
    public StorageBuilder blockQuote(Consumer<StorageBuilder> content) {
        out.append("<blockquote>").append(nested(content)).append("</blockquote>");
        return this;
    }

    /** Inline content with no paragraph around it: the text of a tight list item. */
    public StorageBuilder inlines(Inline... content) {
        inline(content);
        return this;
    }

    /** A block image (an image alone in its paragraph): of an attachment or from an http(s) URL. */
    public StorageBuilder image(Inline image) {
        if (!(image instanceof Inline.Image)) {
            throw new IllegalArgumentException("not an image: " + image);
        }
        image.writeTo(out);
        return this;
    }

    /** Confluence's table-of-contents macro. */
    public StorageBuilder tableOfContents() {
        out.append("<ac:structured-macro ac:name=\"toc\" />");
        return this;
    }

    /** Appends what another builder built (a section rendered on its own). */
    public StorageBuilder append(StorageBuilder other) {
        out.append(other.out);
        return this;
    }

    public StorageBuilder horizontalRule() {
        out.append("<hr />");
        return this;
    }

    /** The storage-format body. */
    public String build() {
        return out.toString();
    }

    static void parameter(StringBuilder out, String name, String value) {
        out.append("<ac:parameter ac:name=\"").append(StorageText.escapeAttribute(name)).append("\">")
                .append(StorageText.escapeText(value)).append("</ac:parameter>");
    }

    private StorageBuilder list(String tag, List<List<Inline>> items) {
        out.append('<').append(tag).append('>');
        for (List<Inline> item : items) {
            out.append("<li>");
            item.forEach(piece -> piece.writeTo(out));
            out.append("</li>");
        }
        out.append("</").append(tag).append('>');
        return this;
    }

    private void inline(Inline[] content) {
        for (Inline piece : content) {
            piece.writeTo(out);
        }
    }
}
