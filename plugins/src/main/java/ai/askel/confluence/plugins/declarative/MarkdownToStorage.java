package ai.askel.confluence.plugins.declarative;

import ai.askel.confluence.domain.storage.StorageBuilder;
import java.util.Map;
import java.util.Set;

/**
 * Converts a Markdown page body (CommonMark plus GFM tables) to Confluence storage format locally:
 * headings, paragraphs, emphasis, lists, task lists ({@code - [ ]}), block quotes and panels
 * ({@code > [!NOTE]}), fenced code as the code macro with its language, tables, links (http, https,
 * mailto; a bare file name links to the page's attachment), images (a bare file name shows the
 * attachment), horizontal rules and {@code [TOC]} for a table of contents. Raw HTML is shown as text,
 * and every piece of text goes through the escaping {@link StorageBuilder}, so the result is always
 * well-formed and holds only the markup the conversion chose.
 */
public final class MarkdownToStorage {
    private static final int MAX_CHARS = 5 * 1024 * 1024;

    private MarkdownToStorage() {
    }

    public static String convert(String markdown) {
        if (markdown.length() > MAX_CHARS) {
            throw ai.askel.confluence.domain.error.InvalidInputException.of("body.value", "is longer than 5 MB");
        }
        BodyTemplate body = BodyTemplate.page(markdown);
        return body.render(new Scope(Map.of(), Set.of(), Map.of(), Map.of()));
    }
}
