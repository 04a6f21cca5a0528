package ai.askel.confluence.plugins.declarative;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Parses {@code {{value}}} placeholders and the {@code #if}/{@code #unless}/{@code #each} directives
 * in text into a tree of parts of type {@code P}. Text can be fed in several runs, with other parts
 * (markup) added between them: a directive opened in one run may close in a later one. When the
 * runs are the text of elements, {@link #enterElement()} and {@link #leaveElement(String, Position)}
 * keep every directive inside the element it opened in, so a branch or loop always holds whole
 * elements. Problems are recorded, not thrown.
 */
final class Directives<P> {
    /** How each kind of part is made. */
    interface Parts<P> {
        P literal(String text);

        /** A placeholder; {@code aloneOnLine} when only blanks share its line in the run. */
        P value(Expr expr, boolean aloneOnLine);

        P loop(Expr items, List<P> body);

        P choice(Condition condition, List<P> whenTrue, List<P> whenFalse);
    }

    private final Parts<P> parts;
    private final Problems problems;
    private final OpenDirective<P> root;
    private final Deque<OpenDirective<P>> open = new ArrayDeque<>();
    /** The element depth each open directive started at, innermost first (the root's is 0). */
    private final Deque<Integer> openedAt = new ArrayDeque<>();
    private int depth;

    Directives(Parts<P> parts, Position at, Problems problems) {
        this.parts = parts;
        this.problems = problems;
        this.root = new OpenDirective<>("", null, null, at);
        open.push(root);
        openedAt.push(0);
    }

    /** Adds a part where the text being parsed has got to. */
    void add(P part) {
        open.peek().current().add(part);
    }

    /**
     * Parses {@code text}, which starts at {@code at}. With {@code standaloneLines}, a line holding only a
     * directive disappears with its line break (as in a code block).
     *
     * @return false when a {@code {{} is not closed (recorded as a problem; the rest of the text is not parsed)
     */
    boolean text(String text, Position at, boolean standaloneLines) {
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("{{", i);
            if (start < 0) {
                add(parts.literal(text.substring(i)));
                break;
            }
            Position where = at.advance(text, start);
            int end = text.indexOf("}}", start + 2);
            if (end < 0) {
                problems.add(where, "'{{' is not closed with '}}'");
                return false;
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
                add(parts.literal(before));
            }
            directive(inner, where, aloneOnLine(text, start, end + 2));
            i = next;
        }
        return true;
    }

    /** An element starts: directives opened from here on must close inside it. */
    void enterElement() {
        depth++;
    }

    /** The element {@code name} ends at {@code at}: a directive opened inside it and still open is a problem (and is closed here). */
    void leaveElement(String name, Position at) {
        while (openedAt.peek() == depth && open.size() > 1) {
            OpenDirective<P> unclosed = open.peek();
            problems.add(unclosed.at(), "{{#%s}} is not closed with {{/%s}} before </%s> at line %d, column %d"
                    .formatted(unclosed.kind(), unclosed.kind(), name, at.line(), at.column()));
            close();
        }
        depth--;
    }

    /** The parts parsed; every directive still open is reported. */
    List<P> finish() {
        while (open.size() > 1) {
            OpenDirective<P> unclosed = open.pop();
            openedAt.pop();
            problems.add(unclosed.at(), "{{#%s}} is not closed with {{/%s}}".formatted(unclosed.kind(), unclosed.kind()));
        }
        return root.parts();
    }

    private static boolean isDirective(String inner) {
        return inner.startsWith("#") || inner.startsWith("/") || inner.equals("else");
    }

    private static boolean aloneOnLine(String text, int start, int end) {
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        int lineEnd = text.indexOf('\n', end);
        return text.substring(lineStart, start).isBlank() && text.substring(end, lineEnd < 0 ? text.length() : lineEnd).isBlank();
    }

    private void directive(String inner, Position where, boolean aloneOnLine) {
        if (inner.startsWith("#if ") || inner.startsWith("#unless ")) {
            boolean unless = inner.startsWith("#unless ");
            Condition condition = Condition.parse(inner.substring(unless ? 8 : 4), where, problems);
            push(new OpenDirective<>(unless ? "unless" : "if", condition, null, where));
        } else if (inner.startsWith("#each ")) {
            Expr items = Expr.parse(inner.substring(6), where, problems);
            push(new OpenDirective<>("each", null, items, where));
        } else if (inner.equals("else")) {
            OpenDirective<P> top = open.peek();
            if (!top.kind().equals("if") && !top.kind().equals("unless") || top.hasOtherwise()) {
                problems.add(where, "{{else}} outside an {{#if}}");
            } else if (inElement(top, inner, where)) {
                top.startOtherwise();
            }
        } else if (inner.startsWith("/")) {
            String kind = inner.substring(1).strip();
            OpenDirective<P> top = open.peek();
            if (open.size() == 1 || !top.kind().equals(kind)) {
                problems.add(where, open.size() == 1 ? "{{%s}} closes nothing".formatted(inner)
                        : "{{%s}} where {{/%s}} (opened at line %d, column %d) was expected"
                        .formatted(inner, top.kind(), top.at().line(), top.at().column()));
                return;
            }
            if (inElement(top, inner, where)) {
                close();
            }
        } else if (inner.startsWith("#")) {
            problems.add(where, "{{%s}} is not a directive; use #if, #unless or #each".formatted(inner));
        } else {
            Expr expr = Expr.parse(inner, where, problems);
            if (expr != null) {
                add(parts.value(expr, aloneOnLine));
            }
        }
    }

    /** Whether {@code directive} stands in the element its {@code top} opened in (else a problem). */
    private boolean inElement(OpenDirective<P> top, String directive, Position where) {
        if (openedAt.peek() == depth) {
            return true;
        }
        problems.add(where, "{{%s}} must stand in the same element as the {{#%s}} at line %d, column %d, so that it holds whole elements"
                .formatted(directive, top.kind(), top.at().line(), top.at().column()));
        return false;
    }

    private void push(OpenDirective<P> directive) {
        open.push(directive);
        openedAt.push(depth);
    }

    /** Closes the innermost directive into one part of its parent; one that failed to parse (its problem is recorded) stands for nothing. */
    private void close() {
        OpenDirective<P> top = open.pop();
        openedAt.pop();
        add(top.close((items, body) -> items == null ? parts.literal("") : parts.loop(items, body),
                (condition, whenTrue, whenFalse) -> condition == null ? parts.literal("") : parts.choice(condition, whenTrue, whenFalse)));
    }
}
