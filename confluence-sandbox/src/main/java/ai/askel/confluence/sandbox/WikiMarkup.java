package ai.askel.confluence.sandbox;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts the common part of Confluence wiki markup to storage format: headings ({@code h1.}–{@code h6.}),
 * bullet lists ({@code *}, {@code **} nested one level is flattened), paragraphs separated by blank lines,
 * {@code *bold*} and {@code _italic_}. Text is XML-escaped.
 */
final class WikiMarkup {

    private static final Pattern HEADING = Pattern.compile("^h([1-6])\\.\\s+(.*)$");
    private static final Pattern BULLET = Pattern.compile("^\\*+\\s+(.*)$");
    private static final Pattern BOLD = Pattern.compile("(?<![\\w*])\\*(?=\\S)([^*]+?)(?<=\\S)\\*(?![\\w*])");
    private static final Pattern ITALIC = Pattern.compile("(?<![\\w_])_(?=\\S)([^_]+?)(?<=\\S)_(?![\\w_])");

    private WikiMarkup() {
    }

    static String toStorage(String wiki) {
        StringBuilder out = new StringBuilder();
        StringBuilder paragraph = new StringBuilder();
        boolean inList = false;
        for (String raw : wiki.replace("\r\n", "\n").split("\n", -1)) {
            String line = raw.strip();
            Matcher heading = HEADING.matcher(line);
            Matcher bullet = BULLET.matcher(line);
            if (line.isEmpty() || heading.matches() || bullet.matches()) {
                flush(out, paragraph);
            }
            if (!bullet.matches() && inList) {
                out.append("</ul>");
                inList = false;
            }
            if (heading.matches()) {
                out.append("<h").append(heading.group(1)).append('>').append(inline(heading.group(2)))
                        .append("</h").append(heading.group(1)).append('>');
            } else if (bullet.matches()) {
                if (!inList) {
                    out.append("<ul>");
                    inList = true;
                }
                out.append("<li>").append(inline(bullet.group(1))).append("</li>");
            } else if (!line.isEmpty()) {
                if (paragraph.length() > 0) {
                    paragraph.append("<br />");
                }
                paragraph.append(inline(line));
            }
        }
        if (inList) {
            out.append("</ul>");
        }
        flush(out, paragraph);
        return out.toString();
    }

    private static void flush(StringBuilder out, StringBuilder paragraph) {
        if (paragraph.length() > 0) {
            out.append("<p>").append(paragraph).append("</p>");
            paragraph.setLength(0);
        }
    }

    private static String inline(String text) {
        String escaped = escape(text);
        escaped = BOLD.matcher(escaped).replaceAll("<strong>$1</strong>");
        return ITALIC.matcher(escaped).replaceAll("<em>$1</em>");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
