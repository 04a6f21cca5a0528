package ai.askel.confluence.plugins.declarative;

import ai.askel.confluence.domain.AttachmentName;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.storage.Inline;
import ai.askel.confluence.domain.storage.StorageBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/**
 * Walks a parsed body and writes storage format with {@link StorageBuilder}: every piece of text,
 * every value and every URL goes through the builder's escaping, so neither the Markdown nor a
 * value can add markup the walk did not choose. Raw HTML in the Markdown is shown as text.
 */
final class StorageRenderer {
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z0-9#+.-]{1,32}");
    private static final Pattern TASK = Pattern.compile("^\\[([ xX])] ");
    private static final int MAX_REPEATS = 10_000;
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    private final BodyTemplate body;
    private final Scope scope;
    private int repeats;

    StorageRenderer(BodyTemplate body, Scope scope) {
        this.body = body;
        this.scope = scope;
    }

    String render() {
        StorageBuilder page = StorageBuilder.create();
        parts(body.blocks.get(body.document), page, false);
        return page.build();
    }

    // ---- blocks ---------------------------------------------------------------------------------

    private void parts(List<BlockPart> parts, StorageBuilder out, boolean tight) {
        for (BlockPart part : parts) {
            if (part instanceof BlockPart.Block block) {
                block(block.node(), out, tight);
            } else if (part instanceof BlockPart.If branch) {
                parts(branch.condition().test(scope) ? branch.then() : branch.otherwise(), out, tight);
            } else if (part instanceof BlockPart.Each each) {
                for (Object item : items(each.items())) {
                    scope.enter(item, columnsOf(each.items()));
                    parts(each.body(), out, tight);
                    scope.leave();
                }
            } else if (part instanceof BlockPart.Paragraphs paragraphs) {
                paragraphs(paragraphs.expr().evaluate(scope), out);
            }
        }
    }

    private void block(Node node, StorageBuilder out, boolean tight) {
        if (node instanceof Paragraph) {
            paragraph(node, out, tight);
        } else if (node instanceof Heading heading) {
            List<Inline> content = inlines(heading);
            if (!isBlank(content)) {
                out.heading(heading.getLevel(), content.toArray(Inline[]::new));
            }
        } else if (node instanceof BlockQuote quote) {
            Panel panel = body.panels.get(quote);
            Consumer<StorageBuilder> content = inner -> parts(body.blocks.get(quote), inner, false);
            if (panel == null) {
                out.blockQuote(content);
            } else {
                out.panel(panel.type(), text(panel.title()), content);
            }
        } else if (node instanceof ListBlock list) {
            list(list, out);
        } else if (node instanceof FencedCodeBlock code) {
            code(language(code.getInfo()), code, out);
        } else if (node instanceof IndentedCodeBlock code) {
            code("", code, out);
        } else if (node instanceof ThematicBreak) {
            out.horizontalRule();
        } else if (node instanceof TableBlock table) {
            table(table, out);
        } else if (node instanceof HtmlBlock html) {
            out.paragraph(html.getLiteral().strip());
        }
    }

    private void paragraph(Node paragraph, StorageBuilder out, boolean tight) {
        List<Inline> content = inlines(paragraph);
        if (isBlank(content)) {
            return;
        }
        if (content.size() == 1 && content.get(0) instanceof Inline.Image image) {
            out.image(image);
        } else if (content.size() == 1 && content.get(0) instanceof Inline.Text t && t.text().strip().equals("[TOC]")) {
            out.tableOfContents();
        } else if (tight) {
            out.inlines(content.toArray(Inline[]::new));
        } else {
            out.paragraph(content.toArray(Inline[]::new));
        }
    }

    private void paragraphs(Object value, StorageBuilder out) {
        if (!Scope.truthy(value)) {
            return;
        }
        for (String paragraph : Filters.text(value).strip().split("\\R[ \\t]*\\R\\s*")) {
            List<Inline> content = new ArrayList<>();
            for (String line : paragraph.strip().split("\\R")) {
                if (!content.isEmpty()) {
                    content.add(Inline.lineBreak());
                }
                content.add(Inline.text(line));
            }
            out.paragraph(content.toArray(Inline[]::new));
        }
    }

    private void list(ListBlock list, StorageBuilder out) {
        List<Node> items = repeated(list);
        if (items.isEmpty()) {
            return;
        }
        List<Consumer<StorageBuilder>> rendered = new ArrayList<>();
        List<Object> bound = boundItems;
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            Object value = bound.get(i);
            rendered.add(inner -> within(item, value, () -> parts(body.blocks.get(item), inner, list.isTight())));
        }
        if (list instanceof OrderedList || !list.isTight() || !tasks(items, out)) {
            out.listOfBlocks(list instanceof OrderedList, rendered);
        }
    }

    /** A tight bullet list whose every item starts with "[ ] " or "[x] " is a task list. */
    private boolean tasks(List<Node> items, StorageBuilder out) {
        List<Boolean> done = new ArrayList<>();
        List<List<Inline>> tasks = new ArrayList<>();
        for (Node item : items) {
            if (!(item.getFirstChild() instanceof Paragraph p) || !(p.getFirstChild() instanceof Text first)
                    || !TASK.matcher(first.getLiteral()).find() || body.repeats.containsKey(item)) {
                return false;
            }
            done.add(first.getLiteral().charAt(1) != ' ');
        }
        for (Node item : items) {
            List<Inline> content = new ArrayList<>(inlines(item.getFirstChild()));
            if (!content.isEmpty() && content.get(0) instanceof Inline.Text first && TASK.matcher(first.text()).find()) {
                content.set(0, Inline.text(first.text().substring(4)));
            }
            tasks.add(content);
        }
        out.taskList(done, tasks);
        return true;
    }

    private void code(String language, Node code, StorageBuilder out) {
        String text = text(body.texts.get(code)).replaceAll("\\n+\\z", "");
        if (!text.isBlank() || !body.templating) {
            out.codeBlock(language, text);
        }
    }

    private void table(TableBlock table, StorageBuilder out) {
        List<Inline> headers = new ArrayList<>();
        List<List<Inline>> rows = new ArrayList<>();
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            if (section instanceof TableHead head && head.getFirstChild() != null) {
                for (Node cell = head.getFirstChild().getFirstChild(); cell != null; cell = cell.getNext()) {
                    headers.add(Inline.group(inlines(cell)));
                }
            } else if (section instanceof TableBody rowsNode) {
                List<Node> expanded = repeated(rowsNode);
                List<Object> bound = boundItems;
                for (int i = 0; i < expanded.size(); i++) {
                    Node row = expanded.get(i);
                    within(row, bound.get(i), () -> {
                        List<Inline> cells = new ArrayList<>();
                        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                            cells.add(Inline.group(inlines(cell)));
                        }
                        while (cells.size() < headers.size()) {
                            cells.add(Inline.text(""));
                        }
                        rows.add(cells.subList(0, headers.size()));
                    });
                }
            }
        }
        out.richTable(headers, rows);
    }

    // ---- repeated items (list items and table rows that start with {{#each}}) ----------------

    private static final Object NO_ITEM = new Object();
    private List<Object> boundItems = List.of();

    /** The children of {@code parent}, each repeated once per item when it starts with {{#each}}; the items land in boundItems. */
    private List<Node> repeated(Node parent) {
        List<Node> nodes = new ArrayList<>();
        List<Object> bound = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            Expr each = body.repeats.get(child);
            if (each == null) {
                nodes.add(child);
                bound.add(NO_ITEM);
            } else {
                for (Object item : items(each)) {
                    nodes.add(child);
                    bound.add(item);
                }
            }
        }
        boundItems = bound;
        return nodes;
    }

    private void within(Node node, Object item, Runnable action) {
        if (item == NO_ITEM) {
            action.run();
            return;
        }
        scope.enter(item, columnsOf(body.repeats.get(node)));
        try {
            action.run();
        } finally {
            scope.leave();
        }
    }

    private List<?> items(Expr expr) {
        Object value = expr.evaluate(scope);
        List<?> items = value == null ? List.of() : value instanceof List<?> list ? list : List.of(value);
        repeats += items.size();
        if (repeats > MAX_REPEATS) {
            throw new ConnectorException(ErrorCode.TEMPLATE_ERROR, "the template repeats more than %d items in one page".formatted(MAX_REPEATS));
        }
        return items;
    }

    private List<String> columnsOf(Expr expr) {
        return scope.columnsOf(expr);
    }

    // ---- inlines --------------------------------------------------------------------------------

    private List<Inline> inlines(Node parent) {
        List<Inline> out = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            inline(node, out);
        }
        return out;
    }

    private void inline(Node node, List<Inline> out) {
        if (node instanceof Text text) {
            pieces(body.texts.get(text).parts(), out);
        } else if (node instanceof Code code) {
            out.add(Inline.code(text(body.texts.get(code))));
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
            out.add(link(text(target).strip(), inlines(link), !target.isLiteral()));
        } else if (node instanceof Image image) {
            TextTemplate target = body.texts.get(image);
            out.add(image(text(target).strip(), plain(inlines(image)), !target.isLiteral()));
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

    private void pieces(List<TextTemplate.Part> parts, List<Inline> out) {
        for (TextTemplate.Part part : parts) {
            if (part instanceof TextTemplate.Literal literal) {
                out.add(Inline.text(literal.text()));
            } else if (part instanceof TextTemplate.Value value) {
                Object v = value.expr().evaluate(scope);
                if (v instanceof Inline piece) {
                    out.add(piece);
                } else if (v != null) {
                    out.add(Inline.text(Filters.text(v)));
                }
            } else if (part instanceof TextTemplate.If branch) {
                pieces(branch.condition().test(scope) ? branch.then() : branch.otherwise(), out);
            } else if (part instanceof TextTemplate.Each each) {
                for (Object item : items(each.items())) {
                    scope.enter(item, columnsOf(each.items()));
                    pieces(each.body(), out);
                    scope.leave();
                }
            }
        }
    }

    /** The text a template gives where only text may stand (code, a URL, a panel title). */
    private String text(TextTemplate template) {
        List<Inline> pieces = new ArrayList<>();
        pieces(template.parts(), pieces);
        StringBuilder text = new StringBuilder();
        for (Inline piece : pieces) {
            if (!(piece instanceof Inline.Text t)) {
                throw new ConnectorException(ErrorCode.TEMPLATE_ERROR,
                        "a filter that makes rich content (status, link, code...) was used where only text can stand: " + piece);
            }
            text.append(t.text());
        }
        return text.toString();
    }

    private static String plain(List<Inline> content) {
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

    private static boolean isBlank(List<Inline> content) {
        return content.stream().allMatch(piece -> piece instanceof Inline.Text t && t.text().isBlank()
                || piece instanceof Inline.Styled s && isBlank(s.content()));
    }

    private static String language(String info) {
        String first = info == null ? "" : info.strip().split("\\s+")[0];
        return LANGUAGE.matcher(first).matches() ? first : "";
    }
}
