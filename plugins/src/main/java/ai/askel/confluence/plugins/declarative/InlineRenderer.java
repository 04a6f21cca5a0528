package ai.askel.confluence.plugins.declarative;

import ai.askel.confluence.domain.AttachmentName;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.storage.Inline;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

/**
 * The inline half of rendering a Markdown body: text, emphasis, code, links, images and line breaks
 * of one block, as {@link Inline} pieces the escaping storage builder writes. Raw HTML is text.
 */
final class InlineRenderer {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    private final BodyTemplate body;
    private final TextRenderer text;

    InlineRenderer(BodyTemplate body, TextRenderer text) {
        this.body = body;
        this.text = text;
    }

    List<Inline> inlines(Node parent) {
        List<Inline> out = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            inline(node, out);
        }
        return out;
    }

    private void inline(Node node, List<Inline> out) {
        if (node instanceof Text t) {
            text.pieces(body.texts.get(t).parts(), out);
        } else if (node instanceof Code code) {
            out.add(Inline.code(text.text(body.texts.get(code))));
        } else if (node instanceof StrongEmphasis) {
            out.add(Inline.strong(inlines(node).toArray(Inline[]::new)));
        } else if (node instanceof Emphasis) {
            out.add(Inline.emphasis(inlines(node).toArray(Inline[]::new)));
        } else if (node instanceof SoftLineBreak) {
            out.add(Inline.text(" "));
        } else if (node instanceof HardLineBreak) {
            out.add(Inline.lineBreak());
        } else if (node instanceof Link link) {
            TextTemplate target = body.texts.get(link);
            out.add(link(text.text(target).strip(), inlines(link), !target.isLiteral()));
        } else if (node instanceof Image image) {
            TextTemplate target = body.texts.get(image);
            out.add(image(text.text(target).strip(), plain(inlines(image)), !target.isLiteral()));
        } else if (node instanceof HtmlInline html) {
            out.add(Inline.text(html.getLiteral()));
        } else {
            out.addAll(inlines(node));
        }
    }

    /** A link: http, https or mailto; else a file name (a value, or written without a scheme) links to that attachment; else just its text. */
    private static Inline link(String url, List<Inline> content, boolean fromValue) {
        Inline text = Inline.group(content);
        String scheme = url.contains(":") ? url.substring(0, url.indexOf(':')).toLowerCase(Locale.ROOT) : "";
        if (url.isEmpty()) {
            return text;
        }
        if (scheme.equals("http") || scheme.equals("https") || scheme.equals("mailto")) {
            try {
                return Inline.link(url, content.isEmpty() ? new Inline[] {Inline.text(url)} : content.toArray(Inline[]::new));
            } catch (ConnectorException e) {
                return text;
            }
        }
        return (fromValue || !SCHEME.matcher(url).find()) && isAttachmentName(url) ? Inline.attachmentLink(url, plain(content)) : text;
    }

    /** An image from an http(s) URL, or of an attachment (a value, or a file name written without a scheme); else its alt text. */
    private static Inline image(String url, String alt, boolean fromValue) {
        if (Filters.isWebUrl(url)) {
            return Inline.externalImage(url, alt);
        }
        return (fromValue || !SCHEME.matcher(url).find()) && isAttachmentName(url) ? Inline.attachedImage(url, alt) : Inline.text(alt);
    }

    private static boolean isAttachmentName(String name) {
        if (name.startsWith("#")) {
            return false;
        }
        try {
            AttachmentName.require(name);
            return true;
        } catch (ConnectorException e) {
            return false;
        }
    }

    static String plain(List<Inline> content) {
        StringBuilder text = new StringBuilder();
        for (Inline piece : content) {
            if (piece instanceof Inline.Text t) {
                text.append(t.text());
            } else if (piece instanceof Inline.Styled styled) {
                text.append(plain(styled.content()));
            } else if (piece instanceof Inline.Code c) {
                text.append(c.text());
            }
        }
        return text.toString();
    }

    static boolean isBlank(List<Inline> content) {
        return content.stream().allMatch(piece -> piece instanceof Inline.Text t && t.text().isBlank()
                || piece instanceof Inline.Styled s && isBlank(s.content()));
    }
}
