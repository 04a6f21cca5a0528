package ai.askel.confluence.plugins.declarative;

import java.util.List;
import java.util.function.UnaryOperator;

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
        return parse(text, at, standaloneLines, problems, UnaryOperator.identity());
    }

    /**
     * Parses {@code text} written in an escaped form (such as XML's entity references): {@code unescape}
     * gives the text of its literal pieces and of its {@code "quoted"} values.
     */
    static TextTemplate parse(String text, Position at, boolean standaloneLines, Problems problems, UnaryOperator<String> unescape) {
        if (!text.contains("{{")) {
            return literal(unescape.apply(text));
        }
        Directives<Part> directives = new Directives<>(new Directives.Parts<>() {
            @Override
            public Part literal(String literal) {
                return new Literal(unescape.apply(literal));
            }

            @Override
            public Part value(Expr expr, boolean aloneOnLine) {
                return new Value(expr.literal() == null ? expr : expr.withLiteral(unescape.apply(expr.literal())));
            }

            @Override
            public Part loop(Expr items, List<Part> body) {
                return new Each(items, body);
            }

            @Override
            public Part choice(Condition condition, List<Part> whenTrue, List<Part> whenFalse) {
                return new If(condition, whenTrue, whenFalse);
            }
        }, at, problems);
        if (!directives.text(text, at, standaloneLines)) {
            return literal(unescape.apply(text));
        }
        return new TextTemplate(directives.finish());
    }
}
