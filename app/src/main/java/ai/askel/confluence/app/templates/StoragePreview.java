package ai.askel.confluence.app.templates;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * An HTML approximation of how Confluence shows a storage body, for previewing a template without
 * Confluence: plain XHTML passes through, panels become coloured boxes with their title, the status
 * macro a lozenge, the code macro a {@code pre} block, images of attachments an {@code img} of the
 * file name, the table of contents a note. Every text and attribute is escaped again on the way
 * out; links keep only http(s) and mailto targets and images only http(s) sources; anything unknown is shown as its text.
 */
public final class StoragePreview {
    private static final Set<String> PLAIN = Set.of("h1", "h2", "h3", "h4", "h5", "h6", "p", "strong", "em", "s", "code", "br",
            "hr", "ul", "ol", "li", "blockquote", "table", "tbody", "thead", "tr", "th", "td", "a");
    private static final Map<String, String> PANEL_COLOURS = Map.of("info", "#deebff", "note", "#eae6ff", "warning", "#ffebe6",
            "tip", "#e3fcef");
    private static final String STYLE = "body{font-family:sans-serif;max-width:60rem;margin:2rem auto;line-height:1.5}"
            + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .6rem}th{background:#f4f5f7}"
            + ".panel{border-radius:4px;padding:.5rem 1rem;margin:1rem 0}.lozenge{font-size:.75rem;font-weight:bold;"
            + "padding:.1rem .4rem;border-radius:3px;text-transform:uppercase}pre{background:#f4f5f7;padding:.6rem;overflow:auto}";
    /** The link targets a preview keeps: a page opened from disk must not run a {@code javascript:} link of the template's. */
    private static final Pattern LINK_TARGET = Pattern.compile("(?i)\\s*(https?:|mailto:).*", Pattern.DOTALL);
    private static final Pattern IMAGE_SOURCE = Pattern.compile("(?i)\\s*https?:.*", Pattern.DOTALL);
    private static final Map<String, String> LOZENGES = Map.of("Green", "#e3fcef", "Red", "#ffebe6", "Yellow", "#fffae6",
            "Blue", "#deebff", "Purple", "#eae6ff", "Grey", "#dfe1e6");

    private StoragePreview() {
    }

    /** A whole HTML page titled {@code title} showing {@code storage}. */
    public static String toHtml(String title, String storage) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title><style>").append(STYLE).append("</style></head><body>");
        StorageStructure.walk(storage, new Writer(html));
        return html.append("</body></html>\n").toString();
    }

    private static final class Writer extends DefaultHandler {
        private final StringBuilder html;
        private final Deque<String> closers = new ArrayDeque<>();
        private final Deque<String> macros = new ArrayDeque<>();
        private String parameter;
        private final StringBuilder parameterText = new StringBuilder();
        private String statusColour = "Grey";

        Writer(StringBuilder html) {
            this.html = html;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes attributes) {
            String closer = "";
            if (PLAIN.contains(qName)) {
                html.append('<').append(qName);
                String href = attributes.getValue("href");
                if (qName.equals("a") && href != null && LINK_TARGET.matcher(href).matches()) {
                    html.append(" href=\"").append(escape(href)).append('"');
                }
                html.append(qName.equals("br") || qName.equals("hr") ? " />" : ">");
                closer = qName.equals("br") || qName.equals("hr") ? "" : "</" + qName + ">";
            } else if (qName.equals("ac:structured-macro")) {
                String name = attributes.getValue("ac:name") == null ? "" : attributes.getValue("ac:name");
                macros.push(name);
                if (PANEL_COLOURS.containsKey(name)) {
                    html.append("<div class=\"panel ").append(name).append("\" style=\"background:").append(PANEL_COLOURS.get(name))
                            .append("\">");
                    closer = "</div>";
                } else if (name.equals("code")) {
                    html.append("<pre><code>");
                    closer = "</code></pre>";
                } else if (name.equals("toc")) {
                    html.append("<p><em>[table of contents]</em></p>");
                }
            } else if (qName.equals("ac:parameter")) {
                parameter = attributes.getValue("ac:name");
                parameterText.setLength(0);
            } else if (qName.equals("ri:attachment") && "ac:image".equals(enclosing())) {
                html.append("<img alt=\"attachment\" src=\"").append(escape(attributes.getValue("ri:filename"))).append("\" />");
            } else if (qName.equals("ri:url")) {
                String src = attributes.getValue("ri:value");
                if (src != null && IMAGE_SOURCE.matcher(src).matches()) {
                    html.append("<img alt=\"image\" src=\"").append(escape(src)).append("\" />");
                }
            } else if (qName.equals("ac:task-status")) {
                parameterText.setLength(0);
            } else if (qName.equals("ac:task")) {
                html.append("<div>");
                closer = "</div>";
            }
            closers.push(qName + "|" + closer);
        }

        private String enclosing() {
            return closers.isEmpty() ? "" : closers.peek().substring(0, closers.peek().indexOf('|'));
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            if (qName.equals("ac:parameter")) {
                String macro = macros.isEmpty() ? "" : macros.peek();
                String value = parameterText.toString();
                if (macro.equals("status") && "colour".equals(parameter)) {
                    statusColour = value;
                } else if (macro.equals("status") && "title".equals(parameter)) {
                    html.append("<span class=\"lozenge\" style=\"background:").append(LOZENGES.getOrDefault(statusColour, "#dfe1e6"))
                            .append("\">").append(escape(value)).append("</span>");
                    statusColour = "Grey";
                } else if (PANEL_COLOURS.containsKey(macro) && "title".equals(parameter)) {
                    html.append("<strong>").append(escape(value)).append("</strong>");
                }
                parameter = null;
            } else if (qName.equals("ac:structured-macro") && !macros.isEmpty()) {
                macros.pop();
            } else if (qName.equals("ac:task-status")) {
                html.append(parameterText.toString().strip().equals("complete") ? "&#9745; " : "&#9744; ");
                parameter = null;
            }
            if (!closers.isEmpty()) {
                String entry = closers.pop();
                html.append(entry.substring(entry.indexOf('|') + 1));
            }
        }

        @Override
        public void startPrefixMapping(String prefix, String uri) {
            // namespaces are read by name only
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (parameter != null || "ac:task-status".equals(enclosing())) {
                parameterText.append(ch, start, length);
                return;
            }
            html.append(escape(new String(ch, start, length)));
        }
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
