package ai.askel.confluence.ports.out;

/**
 * Converts Markdown (CommonMark with GFM tables) to Confluence storage format, locally: fenced code
 * becomes the code macro, {@code > [!NOTE]} quotes become panels, bare file names link to or show
 * the page's attachments. The result is always well-formed storage format; raw HTML stays text.
 */
public interface MarkdownPort {
    String toStorage(String markdown);
}
