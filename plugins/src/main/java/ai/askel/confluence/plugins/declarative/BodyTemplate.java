package ai.askel.confluence.plugins.declarative;

import ai.askel.confluence.ports.spi.TemplateInput;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * A Markdown body parsed once: CommonMark plus GFM tables, with the template's placeholders and
 * directives found in the parsed text (never in the source), so no value is ever read as Markdown.
 * With {@code templating} off it is a plain Markdown page body.
 *
 * <p>Block directives ({@code {{#if}}}, {@code {{else}}}, {@code {{/if}}}, {@code {{#each}}},
 * {@code {{/each}}}) stand on a line of their own; a list item or table row that starts with
 * {@code {{#each x}}} repeats for every item of {@code x}.
 */
final class BodyTemplate implements TemplateBody {
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
    private static final Pattern LEADING_EACH = Pattern.compile("^\\s*\\{\\{\\s*#each\\s([^{}]*)}}");

    final boolean templating;
    final Map<Node, List<BlockPart>> blocks = new IdentityHashMap<>();
    final Map<Node, TextTemplate> texts = new IdentityHashMap<>();
    final Map<Node, Expr> repeats = new IdentityHashMap<>();
    final Map<Node, Panel> panels = new IdentityHashMap<>();
    final Document document;

    private final transient Problems problems;
    private final Names names;

    private BodyTemplate(String markdown, boolean templating, List<TemplateInput> inputs, Problems problems) {
        this.templating = templating;
        this.problems = problems;
        this.names = new Names(inputs, problems, "stand alone in its own paragraph");
        this.document = (Document) PARSER.parse(markdown);
        blocks.put(document, container(document));
    }

    /** A template body; problems (each at its line and column) go to {@code problems}. */
    static BodyTemplate template(String markdown, List<TemplateInput> inputs, Problems problems) {
        return new BodyTemplate(markdown, true, inputs, problems);
    }

    /** A Markdown page body: every piece of text is literal. */
    static BodyTemplate page(String markdown) {
        return new BodyTemplate(markdown, false, List.of(), new Problems("markdown"));
    }

    @Override
    public String render(Scope scope) {
        return new StorageRenderer(this, scope).render();
    }

    // ---- containers and their block directives ----------------------------------------------

    private List<BlockPart> container(Node parent) {
        Deque<OpenDirective<BlockPart>> open = new ArrayDeque<>();
        OpenDirective<BlockPart> root = new OpenDirective<>(null, null, null, Position.START);
        open.push(root);
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Paragraph paragraph && templating) {
                for (Object line : DirectiveLines.split(paragraph)) {
                    if (line instanceof Text directive) {
                        directive(directive, open);
                    } else {
                        block((Node) line, open.peek().current());
                    }
                }
            } else {
                block(child, open.peek().current());
            }
        }
        while (open.size() > 1) {
            OpenDirective<BlockPart> unclosed = open.pop();
            problems.add(unclosed.at(), "{{#%s}} is not closed with {{/%s}}".formatted(unclosed.kind(), unclosed.kind()));
            if (unclosed.isLoop()) {
                names.leaveLoop();
            }
        }
        return root.parts();
    }

    private void directive(Text text, Deque<OpenDirective<BlockPart>> open) {
        Position at = position(text);
        String inner = text.getLiteral().strip();
        inner = inner.substring(2, inner.length() - 2).strip();
        if (inner.startsWith("#each")) {
            Expr items = Expr.parse(inner.substring(5), at, problems);
            names.check(items);
            open.push(new OpenDirective<>("each", null, items, at));
            names.enterLoop(items);
        } else if (inner.startsWith("#")) {
            boolean unless = inner.startsWith("#unless");
            Condition condition = Condition.parse(inner.substring(unless ? 7 : 3), at, problems);
            names.check(condition);
            open.push(new OpenDirective<>(unless ? "unless" : "if", condition, null, at));
        } else if (inner.equals("else")) {
            OpenDirective<BlockPart> top = open.peek();
            if (top.kind() == null || top.kind().equals("each") || top.hasOtherwise()) {
                problems.add(at, "{{else}} outside an {{#if}}");
            } else {
                top.startOtherwise();
            }
        } else {
            String kind = inner.substring(1).strip();
            OpenDirective<BlockPart> top = open.peek();
            if (top.kind() == null || !top.kind().equals(kind)) {
                problems.add(at, top.kind() == null ? "{{%s}} closes nothing".formatted(inner)
                        : "{{%s}} where {{/%s}} (opened at line %d, column %d) was expected"
                        .formatted(inner, top.kind(), top.at().line(), top.at().column()));
                return;
            }
            open.pop();
            if (top.isLoop()) {
                names.leaveLoop();
            }
            open.peek().current().add(top.close(BlockPart.Each::new, BlockPart.If::new));
        }
    }

    private void block(Node node, List<BlockPart> into) {
        if (node instanceof Paragraph paragraph && templating && paragraph.getFirstChild() instanceof Text text
                && paragraph.getFirstChild() == paragraph.getLastChild()) {
            TextTemplate probe = TextTemplate.parse(text.getLiteral(), position(text), false, new Problems(problems.file()));
            Expr lone = probe.loneValue();
            if (lone != null && lone.endsInBlockFilter() && lone.filters().stream().filter(Filters::isBlock).count() == 1) {
                names.check(lone);
                into.add(new BlockPart.Paragraphs(lone));
                return;
            }
        }
        inlines(node);
        into.add(new BlockPart.Block(node));
    }

    // ---- the text inside blocks -----------------------------------------------------------------

    private void inlines(Node node) {
        if (node instanceof BlockQuote quote) {
            panel(quote);
            blocks.put(quote, container(quote));
            return;
        }
        if (node instanceof ListBlock list) {
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                repeat(item, item.getFirstChild() == null ? null : item.getFirstChild().getFirstChild());
            }
            return;
        }
        if (node instanceof ListItem item) {
            blocks.put(item, container(item));
            return;
        }
        if (node instanceof org.commonmark.ext.gfm.tables.TableRow row && row.getFirstChild() instanceof TableCell cell) {
            repeat(row, cell.getFirstChild());
            return;
        }
        if (node instanceof FencedCodeBlock code) {
            texts.put(code, text(code.getLiteral(), position(code).advance("\n", 1), true, "a code block"));
            return;
        }
        if (node instanceof IndentedCodeBlock code) {
            texts.put(code, text(code.getLiteral(), position(code), true, "a code block"));
            return;
        }
        if (node instanceof Text text) {
            texts.put(text, text(text, false));
            return;
        }
        if (node instanceof Code code) {
            texts.put(code, text(code.getLiteral(), position(code), false, "inline code"));
            return;
        }
        if (node instanceof Link link) {
            texts.put(link, text(link.getDestination(), position(link), false, "a link's address"));
        } else if (node instanceof Image image) {
            texts.put(image, text(image.getDestination(), position(image), false, "an image's address"));
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            inlines(child);
        }
    }

    /** A list item or table row whose first text starts with {{#each x}}: the marker is removed and the item repeats. */
    private void repeat(Node item, Node firstText) {
        Expr items = null;
        if (templating && firstText instanceof Text text) {
            java.util.regex.Matcher each = LEADING_EACH.matcher(text.getLiteral());
            if (each.find()) {
                items = Expr.parse(each.group(1), position(text), problems);
                names.check(items);
                text.setLiteral(text.getLiteral().substring(each.end()));
            }
        }
        if (items != null) {
            repeats.put(item, items);
            names.enterLoop(items);
        }
        if (item instanceof ListItem) {
            blocks.put(item, container(item));
        } else {
            for (Node cell = item.getFirstChild(); cell != null; cell = cell.getNext()) {
                inlines(cell);
            }
        }
        if (items != null) {
            names.leaveLoop();
        }
    }

    private void panel(BlockQuote quote) {
        Panel.takeHeading(quote).ifPresent(heading -> panels.put(quote, new Panel(heading.type(),
                text(heading.title(), heading.at(), false, "a panel title"))));
    }

    private TextTemplate text(Text text, boolean code) {
        return text(text.getLiteral(), position(text), code, null);
    }

    /** A text of the body; {@code textOnly} names the place when only text can stand there (else null). */
    private TextTemplate text(String literal, Position at, boolean code, String textOnly) {
        if (!templating) {
            return TextTemplate.literal(literal);
        }
        TextTemplate template = TextTemplate.parse(literal, at, code, problems);
        if (textOnly == null) {
            names.check(template.parts());
        } else {
            names.checkText(template.parts(), textOnly);
        }
        return template;
    }

    static Position position(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        if (spans == null || spans.isEmpty()) {
            return node.getParent() == null ? Position.START : position(node.getParent());
        }
        return new Position(spans.get(0).getLineIndex() + 1, spans.get(0).getColumnIndex() + 1);
    }

    static boolean isTableBlock(Node node) {
        return node instanceof TableBlock;
    }
}
