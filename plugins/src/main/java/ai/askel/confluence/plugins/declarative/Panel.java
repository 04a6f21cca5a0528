package ai.askel.confluence.plugins.declarative;

import ai.askel.confluence.domain.storage.PanelType;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/** A block quote that starts with {@code [!INFO]}, {@code [!NOTE]}, {@code [!TIP]}, {@code [!WARNING]} (or GitHub's {@code [!CAUTION]}, {@code [!IMPORTANT]}) is a Confluence panel. */
record Panel(PanelType type, TextTemplate title) {
    private static final Map<String, PanelType> MARKERS = Map.of("INFO", PanelType.INFO, "NOTE", PanelType.NOTE,
            "TIP", PanelType.TIP, "WARNING", PanelType.WARNING, "CAUTION", PanelType.WARNING, "IMPORTANT", PanelType.NOTE);

    /** The panel type of a first line such as {@code [!WARNING] Title}, and the length of the marker. */
    static Optional<Map.Entry<PanelType, Integer>> marker(String firstLine) {
        if (!firstLine.startsWith("[!")) {
            return Optional.empty();
        }
        int close = firstLine.indexOf(']');
        if (close < 0) {
            return Optional.empty();
        }
        PanelType type = MARKERS.get(firstLine.substring(2, close).toUpperCase(Locale.ROOT));
        return type == null ? Optional.empty() : Optional.of(Map.entry(type, close + 1));
    }

    /** A panel's type and its title as written (the rest of the marker's line), which starts {@code at}. */
    record Heading(PanelType type, String title, Position at) {
    }

    /**
     * The heading of a block quote that is a panel: its first line, {@code [!WARNING] Title}, is taken out of the quote
     * (the rest of the quote is the panel's content). A quote without a marker is left as it is.
     */
    static Optional<Heading> takeHeading(BlockQuote quote) {
        if (!(quote.getFirstChild() instanceof Paragraph first) || !(first.getFirstChild() instanceof Text marker)) {
            return Optional.empty();
        }
        return marker(marker.getLiteral()).map(found -> {
            String rest = marker.getLiteral().substring(found.getValue());
            Position at = BodyTemplate.position(marker).advance(marker.getLiteral(), found.getValue() + rest.length() - rest.stripLeading().length());
            StringBuilder title = new StringBuilder(rest);
            Node next = marker.getNext();
            while (next != null && !(next instanceof SoftLineBreak)) {
                Node after = next.getNext();
                title.append(plainText(next));
                next.unlink();
                next = after;
            }
            if (next != null) {
                next.unlink();
            }
            marker.unlink();
            if (first.getFirstChild() == null) {
                first.unlink();
            }
            return new Heading(found.getKey(), title.toString().strip(), at);
        });
    }

    /** The text of a node as written: raw HTML and code keep their characters (a panel title is plain text). */
    private static String plainText(Node node) {
        if (node instanceof Text t) {
            return t.getLiteral();
        }
        if (node instanceof HtmlInline html) {
            return html.getLiteral();
        }
        if (node instanceof Code code) {
            return code.getLiteral();
        }
        StringBuilder text = new StringBuilder();
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            text.append(plainText(child));
        }
        return text.toString();
    }
}
