package ai.askel.confluence.plugins.declarative;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value in a template: an input (or a loop item's column) by path, or a quoted literal, passed
 * through filters left to right: {@code endpoints.url | weburl | distinct}, {@code status | status}.
 */
record Expr(String literal, List<String> path, List<String> filters, Position at) {
    private static final Pattern PATH = Pattern.compile("(this|[A-Za-z][A-Za-z0-9_]*)(\\.[A-Za-z][A-Za-z0-9_]*)*");
    private static final Pattern LITERAL = Pattern.compile("\"([^\"\\\\]*)\"");
    private static final Pattern FILTER = Pattern.compile("[a-z][a-z-]*");

    Expr {
        path = List.copyOf(path);
        filters = List.copyOf(filters);
    }

    /** Parses {@code text}; a problem is recorded (and null returned) when it is not an expression. */
    static Expr parse(String text, Position at, Problems problems) {
        String[] pieces = splitFilters(text.strip());
        String operand = pieces[0].strip();
        String literal = null;
        List<String> path = List.of();
        Matcher quoted = LITERAL.matcher(operand);
        if (quoted.matches()) {
            literal = quoted.group(1);
        } else if (PATH.matcher(operand).matches()) {
            path = List.of(operand.split("\\."));
        } else {
            problems.add(at, operand.isEmpty() ? "an empty {{ }}" : "'%s' is not an input name, a name.column path or a \"quoted text\""
                    .formatted(operand));
            return null;
        }
        List<String> filters = new ArrayList<>();
        for (int i = 1; i < pieces.length; i++) {
            String filter = pieces[i].strip();
            if (!FILTER.matcher(filter).matches() || !Filters.exists(filter)) {
                problems.add(at, "'%s' is not a filter; the filters are %s".formatted(filter, Filters.names()));
                return null;
            }
            filters.add(filter);
        }
        return new Expr(literal, path, filters, at);
    }

    /** The same expression with another quoted text (a literal written escaped, then unescaped). */
    Expr withLiteral(String text) {
        return new Expr(text, path, filters, at);
    }

    /** The name the value starts from ({@code endpoints} in {@code endpoints.url}), or empty for a literal. */
    String head() {
        return path.isEmpty() ? "" : path.get(0);
    }

    boolean endsInBlockFilter() {
        return !filters.isEmpty() && Filters.isBlock(filters.get(filters.size() - 1));
    }

    Object evaluate(Scope scope) {
        Object value = literal != null ? literal : scope.resolve(path);
        for (String filter : filters) {
            value = Filters.apply(filter, value, scope, this);
        }
        return value;
    }

    private static String[] splitFilters(String text) {
        List<String> pieces = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '|' && !quoted) {
                pieces.add(text.substring(start, i));
                start = i + 1;
            }
        }
        pieces.add(text.substring(start));
        return pieces.toArray(String[]::new);
    }

    @Override
    public String toString() {
        String operand = literal != null ? '"' + literal + '"' : String.join(".", path);
        return filters.isEmpty() ? operand : operand + " | " + String.join(" | ", filters);
    }
}
