package ai.askel.confluence.plugins.declarative;

import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.storage.Inline;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a template's text in one render's scope: as inline pieces where rich content may stand,
 * as plain text where only text may (code, a URL, a title, an attribute). It also runs the loops of
 * the whole page, counting their items against one limit, whichever body format they come from.
 */
final class TextRenderer {
    private static final int MAX_REPEATS = 10_000;

    private final Scope scope;
    private int repeats;

    TextRenderer(Scope scope) {
        this.scope = scope;
    }

    Scope scope() {
        return scope;
    }

    /** The items a loop repeats for: a list's items, or the value itself; absent gives none. */
    List<?> items(Expr expr) {
        Object value = expr.evaluate(scope);
        List<?> items = value == null ? List.of() : value instanceof List<?> list ? list : List.of(value);
        repeats += items.size();
        if (repeats > MAX_REPEATS) {
            throw new ConnectorException(ErrorCode.TEMPLATE_ERROR, "the template repeats more than %d items in one page".formatted(MAX_REPEATS));
        }
        return items;
    }

    /** Runs {@code body} once per item of {@code items}, with the item (and its row's columns) in scope. */
    void forEach(Expr items, Runnable body) {
        for (Object item : items(items)) {
            within(item, scope.columnsOf(items), body);
        }
    }

    /** Runs {@code body} with {@code item} in scope as {@code this}, and its {@code columns} as names. */
    void within(Object item, List<String> columns, Runnable body) {
        scope.enter(item, columns);
        try {
            body.run();
        } finally {
            scope.leave();
        }
    }

    void pieces(List<TextTemplate.Part> parts, List<Inline> out) {
        for (TextTemplate.Part part : parts) {
            if (part instanceof TextTemplate.Literal literal) {
                out.add(Inline.text(literal.text()));
            } else if (part instanceof TextTemplate.Value value) {
                value(value.expr(), out);
            } else if (part instanceof TextTemplate.If branch) {
                pieces(branch.condition().test(scope) ? branch.then() : branch.otherwise(), out);
            } else if (part instanceof TextTemplate.Each each) {
                forEach(each.items(), () -> pieces(each.body(), out));
            }
        }
    }

    /** A value as a piece: rich content (a status, a link) as it is, anything else as text; absent adds nothing. */
    void value(Expr expr, List<Inline> out) {
        Object v = expr.evaluate(scope);
        if (v instanceof Inline piece) {
            out.add(piece);
        } else if (v != null) {
            out.add(Inline.text(Filters.text(v)));
        }
    }

    /** The text a template gives where only text may stand (code, a URL, a panel title, an attribute). */
    String text(TextTemplate template) {
        StringBuilder text = new StringBuilder();
        text(template.parts(), text);
        return text.toString();
    }

    private void text(List<TextTemplate.Part> parts, StringBuilder out) {
        for (TextTemplate.Part part : parts) {
            if (part instanceof TextTemplate.Literal literal) {
                out.append(literal.text());
            } else if (part instanceof TextTemplate.Value value) {
                List<Inline> pieces = new ArrayList<>();
                value(value.expr(), pieces);
                for (Inline piece : pieces) {
                    if (!(piece instanceof Inline.Text t)) {
                        // the load refuses rich filters here; never show the piece, which holds the caller's value
                        Expr expr = value.expr();
                        throw new ConnectorException(ErrorCode.TEMPLATE_ERROR, "{{%s}} at line %d, column %d makes rich content where only text can stand"
                                .formatted(expr, expr.at().line(), expr.at().column()));
                    }
                    out.append(t.text());
                }
            } else if (part instanceof TextTemplate.If branch) {
                text(branch.condition().test(scope) ? branch.then() : branch.otherwise(), out);
            } else if (part instanceof TextTemplate.Each each) {
                forEach(each.items(), () -> text(each.body(), out));
            }
        }
    }
}
