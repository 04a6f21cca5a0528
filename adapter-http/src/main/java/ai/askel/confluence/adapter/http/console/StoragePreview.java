package ai.askel.confluence.adapter.http.console;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A rendered page's storage format shown as HTML for a preview. Only an allow-list of plain
 * elements passes (paragraphs, headings, lists, tables, emphasis, code, links with http(s) or mailto
 * targets); Confluence macros become neutral boxes (a status lozenge, a panel, an image placeholder,
 * a code block); every text and attribute is escaped. Anything unparsable is shown as escaped source.
 */
final class StoragePreview {
    private static final Set<String> PLAIN = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "thead",
            "tbody", "tr", "th", "td", "strong", "em", "b", "i", "u", "code", "pre", "br", "hr", "blockquote", "span", "div", "sub", "sup");
    private static final Set<String> VOID = Set.of("br", "hr");
    private static final Map<String, String> ENTITIES = Map.of("&nbsp;", "&#160;", "&ndash;", "&#8211;", "&mdash;", "&#8212;",
            "&rarr;", "&#8594;", "&hellip;", "&#8230;", "&middot;", "&#183;", "&copy;", "&#169;");
    private static final int MAX_DEPTH = 64;

    private StoragePreview() {
    }

    static String toHtml(String storage) {
        String xml = storage;
        for (Map.Entry<String, String> e : ENTITIES.entrySet()) {
            xml = xml.replace(e.getKey(), e.getValue());
        }
        xml = "<root xmlns:ac=\"urn:ac\" xmlns:ri=\"urn:ri\">" + xml + "</root>";
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        StringBuilder out = new StringBuilder(storage.length() + 256);
        Deque<String> closers = new ArrayDeque<>();
        try {
            XMLStreamReader in = factory.createXMLStreamReader(new StringReader(xml));
            String macro = null;
            while (in.hasNext()) {
                int event = in.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (closers.size() > MAX_DEPTH) {
                        throw new XMLStreamException("nested too deeply");
                    }
                    String prefix = in.getPrefix() == null ? "" : in.getPrefix();
                    String name = in.getLocalName().toLowerCase(Locale.ROOT);
                    String closer = "";
                    if (prefix.isEmpty() && name.equals("a")) {
                        String href = in.getAttributeValue(null, "href");
                        if (href != null && href.matches("(?i)(https?:|mailto:).*")) {
                            out.append("<a rel=\"noopener noreferrer\" href=\"").append(escape(href)).append("\">");
                            closer = "</a>";
                        }
                    } else if (prefix.isEmpty() && PLAIN.contains(name)) {
                        out.append('<').append(name).append('>');
                        closer = VOID.contains(name) ? "" : "</" + name + ">";
                    } else if (prefix.equals("ac") && name.equals("structured-macro")) {
                        macro = in.getAttributeValue("urn:ac", "name");
                        String kind = macro == null ? "macro" : macro.replaceAll("[^a-z0-9-]", "");
                        out.append("<div class=\"macro macro-").append(kind).append("\"><span class=\"macro-name\">")
                                .append(escape(kind)).append("</span> ");
                        closer = "</div>";
                    } else if (prefix.equals("ac") && name.equals("parameter")) {
                        String parameter = in.getAttributeValue("urn:ac", "name");
                        out.append("<span class=\"macro-parameter\">").append(escape(parameter == null ? "" : parameter)).append(": ");
                        closer = "</span> ";
                    } else if (prefix.equals("ac") && name.equals("image")) {
                        out.append("<span class=\"macro macro-image\">[image");
                        closer = "]</span>";
                    } else if (prefix.equals("ri") && name.equals("attachment")) {
                        String file = in.getAttributeValue("urn:ri", "filename");
                        out.append(": ").append(escape(file == null ? "" : file));
                    }
                    closers.push(closer);
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    out.append(closers.isEmpty() ? "" : closers.pop());
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    out.append(escape(in.getText()));
                }
            }
            return out.toString();
        } catch (XMLStreamException | RuntimeException e) {
            return "<pre class=\"storage-source\">" + escape(storage) + "</pre>";
        }
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
