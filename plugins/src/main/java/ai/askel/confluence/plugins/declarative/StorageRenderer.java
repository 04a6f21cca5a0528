package ai.askel.confluence.plugins.declarative;

import ai.askel.confluence.domain.storage.Inline;
import ai.askel.confluence.domain.storage.StorageBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/**
 * Walks a parsed Markdown body and writes storage format with {@link StorageBuilder}: every piece of
 * text, every value and every URL goes through the builder's escaping, so neither the Markdown nor a
 * value can add markup the walk did not choose. Raw HTML in the Markdown is shown as text. This is
 * the block half (paragraphs, headings, panels, lists, code, tables, repeated items); the text
 * inside blocks is {@link InlineRenderer}'s, and values and loops are {@link TextRenderer}'s.
 */
final class StorageRenderer {
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z0-9#+.-]{1,32}");
    private static final Pattern TASK = Pattern.compile("^\\[([ xX])] ");

    private final BodyTemplate body;
    private final Scope scope;
    private final TextRenderer text;
    private final InlineRenderer inline;

    StorageRenderer(BodyTemplate body, Scope scope) {
        this.body = body;
        this.scope = scope;
        this.text = new TextRenderer(scope);
        this.inline = new InlineRenderer(body, text);
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
                text.forEach(each.items(), () -> parts(each.body(), out, tight));
            } else if (part instanceof BlockPart.Paragraphs paragraphs) {
                paragraphs(paragraphs.expr().evaluate(scope), out);
            }
        }
    }

    private void block(Node node, StorageBuilder out, boolean tight) {
        if (node instanceof Paragraph) {
            paragraph(node, out, tight);
        } else if (node instanceof Heading heading) {
            List<Inline> content = inline.inlines(heading);
            if (!InlineRenderer.isBlank(content)) {
                out.heading(heading.getLevel(), content.toArray(Inline[]::new));
            }
        } else if (node instanceof BlockQuote quote) {
            Panel panel = body.panels.get(quote);
            Consumer<StorageBuilder> content = inner -> parts(body.blocks.get(quote), inner, false);
            if (panel == null) {
                out.blockQuote(content);
            } else {
                out.panel(panel.type(), text.text(panel.title()), content);
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
        List<Inline> content = inline.inlines(paragraph);
        if (InlineRenderer.isBlank(content)) {
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

    /** The paragraphs of a {@code paragraphs} value: blank lines part them, line breaks are kept. */
    static void paragraphs(Object value, StorageBuilder out) {
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
            List<Inline> content = new ArrayList<>(inline.inlines(item.getFirstChild()));
            if (!content.isEmpty() && content.get(0) instanceof Inline.Text first && TASK.matcher(first.text()).find()) {
                content.set(0, Inline.text(first.text().substring(4)));
            }
            tasks.add(content);
        }
        out.taskList(done, tasks);
        return true;
    }

    private void code(String language, Node node, StorageBuilder out) {
        String code = text.text(body.texts.get(node)).replaceAll("\\n+\\z", "");
        if (!code.isBlank() || !body.templating) {
            out.codeBlock(language, code);
        }
    }

    private void table(TableBlock table, StorageBuilder out) {
        List<Inline> headers = new ArrayList<>();
        List<List<Inline>> rows = new ArrayList<>();
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            if (section instanceof TableHead head && head.getFirstChild() != null) {
                for (Node cell = head.getFirstChild().getFirstChild(); cell != null; cell = cell.getNext()) {
                    headers.add(Inline.group(inline.inlines(cell)));
                }
            } else if (section instanceof TableBody rowsNode) {
                List<Node> expanded = repeated(rowsNode);
                List<Object> bound = boundItems;
                for (int i = 0; i < expanded.size(); i++) {
                    Node row = expanded.get(i);
                    within(row, bound.get(i), () -> {
                        List<Inline> cells = new ArrayList<>();
                        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                            cells.add(Inline.group(inline.inlines(cell)));
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
                for (Object item : text.items(each)) {
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
        text.within(item, scope.columnsOf(body.repeats.get(node)), action);
    }

    private static String language(String info) {
        String first = info == null ? "" : info.strip().split("\\s+")[0];
        return LANGUAGE.matcher(first).matches() ? first : "";
    }
}
