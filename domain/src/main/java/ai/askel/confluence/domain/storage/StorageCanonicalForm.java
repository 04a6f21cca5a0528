package ai.askel.confluence.domain.storage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A canonical form of a storage body, for telling a real edit from Confluence re-serialising the
 * same content on save, or its editor adding presentation to it.
 *
 * <p>Ignored: attribute order, quoting, entity and CDATA forms, self-closing tags, whitespace between
 * blocks and runs of whitespace in prose, the {@link #PRESENTATION_ATTRIBUTES} that Confluence stamps
 * or its Cloud editor adds on save, and the editor's column widths ({@code colgroup}/{@code col}).
 *
 * <p>Significant: every other attribute and element, every character of text, a space between a word
 * and an inline element ({@code kept in <code>}), and <b>all</b> whitespace inside {@code code},
 * {@code pre} and {@code ac:plain-text-body}: a joined or re-indented command in a code block is an edit.
 * Which attributes are presentation, and the sources for each, is in {@code docs/drift.md}.
 */
public final class StorageCanonicalForm {
    /**
     * Attributes Confluence adds or renews on save, or its Cloud editor adds when a page is opened and
     * saved, without any change of what the page says.
     */
    static final Set<String> PRESENTATION_ATTRIBUTES = Set.of(
            // ids stamped on macros and nodes, renewed on save
            "ac:macro-id", "ac:local-id", "local-id", "data-local-id", "ac:schema-version",
            // layout chosen in the editor: table and macro width modes, breakout
            "data-layout", "data-table-width", "ac:breakout-mode", "ac:breakout-width",
            // the attachment or page version a reference pointed at when the editor saved
            "ri:version-at-save",
            // image placement and size as the editor records them
            "ac:align", "ac:layout", "ac:original-height", "ac:original-width", "ac:custom-width", "ac:width",
            // how a link is shown (inline, card, embed)
            "ac:card-appearance", "data-card-appearance");
    /** Elements the editor adds that carry presentation only (the column widths of a table). */
    private static final Set<String> PRESENTATION_ELEMENTS = Set.of("colgroup", "col");
    /** Elements whose text is kept exactly, whitespace included. */
    private static final Set<String> VERBATIM = Set.of("code", "pre", "ac:plain-text-body");
    /** Inline elements: whitespace next to them separates words, so it is kept (collapsed to one space). */
    private static final Set<String> INLINE = Set.of("a", "abbr", "b", "big", "br", "cite", "code", "del", "em", "i", "ins",
            "kbd", "mark", "q", "s", "small", "span", "strike", "strong", "sub", "sup", "time", "u", "var",
            "ac:link", "ac:image", "ac:emoticon", "ac:placeholder", "ac:inline-comment-marker", "ac:link-body",
            "ac:plain-text-link-body", "ri:attachment", "ri:page", "ri:user", "ri:url", "ri:space", "ri:blog-post",
            "ri:content-entity", "ri:shortcut");

    private StorageCanonicalForm() {
    }

    /** The canonical form; a body that is not well-formed is returned whitespace-collapsed as it is. */
    public static String of(String body) {
        Canonicaliser handler = new Canonicaliser();
        try {
            StorageXml.parse(body, handler);
            return handler.result();
        } catch (SAXException | IOException e) {
            return body.strip().replaceAll("\\s+", " ");
        }
    }

    /** Whether two bodies say the same thing (the same characters do without being parsed). */
    public static boolean equivalent(String a, String b) {
        return a.equals(b) || of(a).equals(of(b));
    }

    /** One piece of the canonical form: a tag (and whether it is inline), or text (and whether it is verbatim). */
    private record Token(String value, boolean tag, boolean inline, boolean verbatim) {
    }

    private static final class Canonicaliser extends DefaultHandler {
        private final List<Token> tokens = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private int depth;
        private int verbatimDepth;
        /** Depth inside a presentation-only element, whose content is dropped. */
        private int skippedDepth;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            flushText();
            depth++;
            if (depth == 1) {
                return; // the wrapping root
            }
            if (skippedDepth > 0 || PRESENTATION_ELEMENTS.contains(qName)) {
                skippedDepth++;
                return;
            }
            Map<String, String> sorted = new TreeMap<>();
            for (int i = 0; i < attributes.getLength(); i++) {
                String name = attributes.getQName(i);
                if (!name.startsWith("xmlns") && !PRESENTATION_ATTRIBUTES.contains(name)) {
                    sorted.put(name, attributes.getValue(i).strip());
                }
            }
            StringBuilder tag = new StringBuilder().append('<').append(qName);
            sorted.forEach((k, v) -> tag.append(' ').append(k).append("=\"").append(StorageText.escapeAttribute(v)).append('"'));
            tokens.add(new Token(tag.append('>').toString(), true, INLINE.contains(qName), false));
            if (VERBATIM.contains(qName)) {
                verbatimDepth++;
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            flushText();
            if (depth > 1) {
                if (skippedDepth > 0) {
                    skippedDepth--;
                } else {
                    if (VERBATIM.contains(qName)) {
                        verbatimDepth--;
                    }
                    tokens.add(new Token("</" + qName + ">", true, INLINE.contains(qName), false));
                }
            }
            depth--;
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            text.append(ch, start, length);
        }

        private void flushText() {
            if (!text.isEmpty() && skippedDepth == 0) {
                boolean verbatim = verbatimDepth > 0;
                String value = verbatim ? text.toString() : text.toString().replaceAll("\\s+", " ");
                tokens.add(new Token(value, false, true, verbatim));
            }
            text.setLength(0);
        }

        /**
         * The tokens joined; prose whitespace next to a block boundary (or the start or end of the body) is
         * dropped, next to an inline element it is kept as one space.
         */
        String result() {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < tokens.size(); i++) {
                Token token = tokens.get(i);
                if (token.tag() || token.verbatim()) {
                    out.append(token.tag() ? token.value() : StorageText.escapeText(token.value()));
                    continue;
                }
                String value = token.value();
                if (i == 0 || !tokens.get(i - 1).inline()) {
                    value = value.stripLeading();
                }
                if (i == tokens.size() - 1 || !tokens.get(i + 1).inline()) {
                    value = value.stripTrailing();
                }
                out.append(StorageText.escapeText(value));
            }
            return out.toString();
        }
    }
}
