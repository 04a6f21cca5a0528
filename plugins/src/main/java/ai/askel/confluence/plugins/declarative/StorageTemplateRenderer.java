package ai.askel.confluence.plugins.declarative;

import ai.askel.confluence.domain.storage.Inline;
import ai.askel.confluence.domain.storage.StorageBuilder;
import ai.askel.confluence.domain.storage.StorageText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a storage-format body: the author's markup as it stands, and every value escaped for its
 * place. In element text, text is escaped and rich content (a status, a link) is written by the
 * storage builder's {@link Inline} pieces; in an attribute, the value is escaped in double quotes; in
 * a CDATA section, the whole section is written again by {@link StorageText#cdata}, which splits
 * {@code ]]>}. A URL attribute made with a value is left empty unless its scheme is http, https or
 * mailto (or it has none), so a value cannot make a {@code javascript:} link.
 */
final class StorageTemplateRenderer {
    private static final Set<String> URL_SCHEMES = Set.of("http", "https", "mailto");
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");

    private final TextRenderer text;

    StorageTemplateRenderer(TextRenderer text) {
        this.text = text;
    }

    String render(List<StoragePart> parts) {
        StringBuilder out = new StringBuilder(1024);
        render(parts, out);
        return out.toString();
    }

    private void render(List<StoragePart> parts, StringBuilder out) {
        for (StoragePart part : parts) {
            if (part instanceof StoragePart.Markup markup) {
                out.append(markup.raw());
            } else if (part instanceof StoragePart.Value value) {
                List<Inline> pieces = new ArrayList<>();
                text.value(value.expr(), pieces);
                pieces.forEach(piece -> piece.writeTo(out));
            } else if (part instanceof StoragePart.Paragraphs paragraphs) {
                StorageBuilder blocks = StorageBuilder.create();
                StorageRenderer.paragraphs(paragraphs.expr().evaluate(text.scope()), blocks);
                out.append(blocks.build());
            } else if (part instanceof StoragePart.Tag tag) {
                tag(tag, out);
            } else if (part instanceof StoragePart.Cdata cdata) {
                out.append(StorageText.cdata(text.text(cdata.text())));
            } else if (part instanceof StoragePart.If branch) {
                render(branch.condition().test(text.scope()) ? branch.then() : branch.otherwise(), out);
            } else if (part instanceof StoragePart.Each each) {
                text.forEach(each.items(), () -> render(each.body(), out));
            }
        }
    }

    private void tag(StoragePart.Tag tag, StringBuilder out) {
        out.append('<').append(tag.name());
        for (StoragePart.Attribute attribute : tag.attributes()) {
            String value = text.text(attribute.value());
            if (attribute.url() && !isSafeUrl(value)) {
                value = "";
            }
            out.append(' ').append(attribute.name()).append("=\"").append(StorageText.escapeAttribute(value)).append('"');
        }
        out.append(tag.empty() ? " />" : ">");
    }

    /** A URL with no scheme (relative) or with http, https or mailto; control characters and spaces, which browsers skip, are ignored. */
    static boolean isSafeUrl(String url) {
        Matcher scheme = SCHEME.matcher(url.replaceAll("[\\x00-\\x20\\x7F]", ""));
        return !scheme.find() || URL_SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT));
    }
}
