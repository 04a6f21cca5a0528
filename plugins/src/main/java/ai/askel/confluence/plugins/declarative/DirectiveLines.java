package ai.askel.confluence.plugins.declarative;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * Block directives ({@code {{#if}}}, {@code {{else}}}, {@code {{/each}}}, ...) stand on a line of their own, which
 * Markdown reads as part of a paragraph: this finds them in a parsed paragraph and splits it around them.
 */
final class DirectiveLines {
    private static final Pattern DIRECTIVE_LINE = Pattern.compile("\\s*\\{\\{\\s*(#(if|unless|each)\\s[^{}]*|else|/(if|unless|each))\\s*}}\\s*");

    private DirectiveLines() {
    }

    /** A paragraph split at its directive lines: directives as their Text node, the rest as paragraphs. */
    static List<Object> split(Paragraph paragraph) {
        List<Object> result = new ArrayList<>();
        List<Node> line = new ArrayList<>();
        List<List<Node>> run = new ArrayList<>();
        boolean split = false;
        Node node = paragraph.getFirstChild();
        while (true) {
            if (node == null || node instanceof SoftLineBreak) {
                if (line.size() == 1 && line.get(0) instanceof Text t && DIRECTIVE_LINE.matcher(t.getLiteral()).matches()) {
                    flush(run, result);
                    result.add(t);
                    split = true;
                } else if (!line.isEmpty()) {
                    run.add(line);
                }
                line = new ArrayList<>();
                if (node == null) {
                    break;
                }
            } else {
                line.add(node);
            }
            node = node.getNext();
        }
        if (!split) {
            return List.of(paragraph);
        }
        flush(run, result);
        return result;
    }

    private static void flush(List<List<Node>> run, List<Object> result) {
        if (run.isEmpty()) {
            return;
        }
        Paragraph paragraph = new Paragraph();
        for (int i = 0; i < run.size(); i++) {
            if (i > 0) {
                paragraph.appendChild(new SoftLineBreak());
            }
            run.get(i).forEach(paragraph::appendChild);
        }
        result.add(paragraph);
        run.clear();
    }
}
