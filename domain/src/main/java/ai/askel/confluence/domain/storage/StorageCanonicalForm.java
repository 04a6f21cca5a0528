package ai.askel.confluence.domain.storage;

import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A canonical form of a storage body, for telling a real edit from Confluence re-serialising the
 * same content on save: attribute order, quoting, entity and CDATA forms, self-closing tags,
 * whitespace between and around words, and the ids Confluence stamps on macros are all ignored.
 */
public final class StorageCanonicalForm {
    /** Attributes Confluence adds or renews on save without any change of content. */
    private static final Set<String> VOLATILE_ATTRIBUTES = Set.of("ac:macro-id", "ac:local-id", "local-id", "ac:schema-version",
            "data-local-id", "ac:breakout-mode", "ac:breakout-width");

    private StorageCanonicalForm() {
    }

    /** The canonical form; a body that is not well-formed is returned whitespace-collapsed as it is. */
    public static String of(String body) {
        Canonicaliser handler = new Canonicaliser();
        try {
            StorageXml.newParser().parse(new InputSource(new StringReader(StorageXml.wrap(body))), handler);
            return handler.result();
        } catch (SAXException | IOException e) {
            return body.strip().replaceAll("\\s+", " ");
        }
    }

    /** Whether two bodies say the same thing. */
    public static boolean equivalent(String a, String b) {
        return of(a).equals(of(b));
    }

    private static final class Canonicaliser extends DefaultHandler {
        private final StringBuilder out = new StringBuilder();
        private final StringBuilder text = new StringBuilder();
        private int depth;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            flushText();
            depth++;
            if (depth == 1) {
                return; // the wrapping root
            }
            Map<String, String> sorted = new TreeMap<>();
            for (int i = 0; i < attributes.getLength(); i++) {
                String name = attributes.getQName(i);
                if (!name.startsWith("xmlns") && !VOLATILE_ATTRIBUTES.contains(name)) {
                    sorted.put(name, attributes.getValue(i).strip());
                }
            }
            out.append('<').append(qName);
            sorted.forEach((k, v) -> out.append(' ').append(k).append("=\"").append(StorageText.escapeAttribute(v)).append('"'));
            out.append('>');
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            flushText();
            if (depth > 1) {
                out.append("</").append(qName).append('>');
            }
            depth--;
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            text.append(ch, start, length);
        }

        private void flushText() {
            String collapsed = text.toString().strip().replaceAll("\\s+", " ");
            if (!collapsed.isEmpty()) {
                out.append(StorageText.escapeText(collapsed));
            }
            text.setLength(0);
        }

        String result() {
            return out.toString();
        }
    }
}
