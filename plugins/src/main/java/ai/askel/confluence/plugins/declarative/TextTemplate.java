package ai.askel.confluence.plugins.declarative;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A run of text with {@code {{value}}} placeholders, {@code {{#if}}...{{else}}...{{/if}}},
 * {@code {{#unless}}} and {@code {{#each}}...{{/each}}}, parsed once when the template loads. In a
 * code block, a line holding only a directive disappears with its line break.
 */
final class TextTemplate {
    sealed interface Part permits Literal, Value, If, Each {
    }

    record Literal(String text) implements Part {
    }

    record Value(Expr expr) implements Part {
    }

    record If(Condition condition, List<Part> then, List<Part> otherwise) implements Part {
    }

    record Each(Expr items, List<Part> body) implements Part {
    }

    private final List<Part> parts;

    private TextTemplate(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    static TextTemplate literal(String text) {
        return new TextTemplate(List.of(new Literal(text)));
    }

    List<Part> parts() {
        return parts;
    }

    boolean isLiteral() {
        return parts.stream().allMatch(Literal.class::isInstance);
    }

    /** The lone placeholder this text is made of, if it is exactly one {@code {{value}}} (blank around it). */
    Expr loneValue() {
        List<Part> meaningful = parts.stream().filter(p -> !(p instanceof Literal l && l.text().isBlank())).toList();
        return meaningful.size() == 1 && meaningful.get(0) instanceof Value v ? v.expr() : null;
    }

    /** Parses {@code text}, which starts at {@code at}; problems are recorded, not thrown. */
    static TextTemplate parse(String text, Position at, boolean standaloneLines, Problems problems) {
        if (!text.contains("{{")) {
            return literal(text);
        }
        Deque<OpenDirective<Part>> open = new ArrayDeque<>();
        OpenDirective<Part> root = new OpenDirective<>("", null, null, at);
        open.push(root);
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("{{", i);
            if (start < 0) {
                open.peek().current().add(new Literal(text.substring(i)));
                break;
            }
            Position where = at.advance(text, start);
            int end = text.indexOf("}}", start + 2);
            if (end < 0) {
                problems.add(where, "'{{' is not closed with '}}'");
                return literal(text);
            }
            String inner = text.substring(start + 2, end).strip();
            int next = end + 2;
            String before = text.substring(i, start);
            if (standaloneLines && isDirective(inner)) {
                int lineStart = before.lastIndexOf('\n') + 1;
                int lineEnd = text.indexOf('\n', next);
                boolean alone = before.substring(lineStart).isBlank()
                        && text.substring(next, lineEnd < 0 ? text.length() : lineEnd).isBlank();
                if (alone) {
                    before = before.substring(0, lineStart);
                    next = lineEnd < 0 ? text.length() : lineEnd + 1;
                }
            }
            if (!before.isEmpty()) {
                open.peek().current().add(new Literal(before));
            }
            directive(inner, where, open, problems);
            i = next;
        }
        while (open.size() > 1) {
            OpenDirective<Part> unclosed = open.pop();
            problems.add(unclosed.at(), "{{#%s}} is not closed with {{/%s}}".formatted(unclosed.kind(), unclosed.kind()));
        }
        return new TextTemplate(root.parts());
    }

    private static boolean isDirective(String inner) {
        return inner.startsWith("#") || inner.startsWith("/") || inner.equals("else");
    }

    private static void directive(String inner, Position where, Deque<OpenDirective<Part>> open, Problems problems) {
        if (inner.startsWith("#if ") || inner.startsWith("#unless ")) {
            boolean unless = inner.startsWith("#unless ");
            Condition condition = Condition.parse(inner.substring(unless ? 8 : 4), where, problems);
            open.push(new OpenDirective<>(unless ? "unless" : "if", condition, null, where));
        } else if (inner.startsWith("#each ")) {
            Expr items = Expr.parse(inner.substring(6), where, problems);
            open.push(new OpenDirective<>("each", null, items, where));
        } else if (inner.equals("else")) {
            OpenDirective<Part> top = open.peek();
            if (!top.kind().equals("if") && !top.kind().equals("unless") || top.hasOtherwise()) {
                problems.add(where, "{{else}} outside an {{#if}}");
            } else {
                top.startOtherwise();
            }
        } else if (inner.startsWith("/")) {
            String kind = inner.substring(1).strip();
            OpenDirective<Part> top = open.peek();
            if (open.size() == 1 || !top.kind().equals(kind)) {
                problems.add(where, open.size() == 1 ? "{{%s}} closes nothing".formatted(inner)
                        : "{{%s}} where {{/%s}} (opened at line %d, column %d) was expected"
                        .formatted(inner, top.kind(), top.at().line(), top.at().column()));
                return;
            }
            open.pop();
            // a directive that failed to parse (its problem is recorded) stands for nothing
            open.peek().current().add(top.close((items, body) -> items == null ? new Literal("") : new Each(items, body),
                    (condition, whenTrue, whenFalse) -> condition == null ? new Literal("") : new If(condition, whenTrue, whenFalse)));
        } else if (inner.startsWith("#")) {
            problems.add(where, "{{%s}} is not a directive; use #if, #unless or #each".formatted(inner));
        } else {
            Expr expr = Expr.parse(inner, where, problems);
            if (expr != null) {
                open.peek().current().add(new Value(expr));
            }
        }
    }
}
