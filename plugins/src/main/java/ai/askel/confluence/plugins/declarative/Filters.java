package ai.askel.confluence.plugins.declarative;

import ai.askel.confluence.domain.TableRow;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.storage.Inline;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * The filters a template can pass a value through. Text filters give text, list filters give
 * lists, and the rich ones give a piece of page ({@code status}, {@code link}, {@code code}...)
 * built by the escaping storage builder. {@code paragraphs} gives whole paragraphs and stands alone
 * in its own paragraph.
 */
final class Filters {
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Set<String> BLOCK = Set.of("paragraphs");
    /** The filters that make a piece of page rather than text: they cannot stand where only text can. */
    private static final Set<String> RICH = Set.of("status", "link", "link-or-code", "code", "strong", "emphasis", "lines");
    private static final Map<String, BiFunction<Object, Scope, Object>> ALL = all();

    private Filters() {
    }

    static boolean exists(String name) {
        return ALL.containsKey(name);
    }

    static boolean isBlock(String name) {
        return BLOCK.contains(name);
    }

    static boolean isRich(String name) {
        return RICH.contains(name);
    }

    static String names() {
        return String.join(", ", ALL.keySet());
    }

    static Object apply(String name, Object value, Scope scope, Expr at) {
        if (value == null) {
            return name.equals("count") ? BigDecimal.ZERO : name.equals("many") || name.equals("attached") ? Boolean.FALSE : null;
        }
        try {
            return ALL.get(name).apply(value, scope);
        } catch (ClassCastException e) {
            throw new ConnectorException(ErrorCode.TEMPLATE_ERROR, "the filter '%s' at line %d, column %d cannot take %s (in {{%s}})"
                    .formatted(name, at.at().line(), at.at().column(), describe(value), at));
        }
    }

    /** How the status filter looks a status up: stripped, upper-case, '_' read as a space. */
    static String statusKey(String status) {
        return status.strip().toUpperCase(Locale.ROOT).replace('_', ' ');
    }

    static boolean isWebUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static boolean isEmail(String value) {
        return EMAIL.matcher(value).matches();
    }

    /** Text for a value that is not rich content: numbers in plain notation, lists joined with ", ". */
    static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(item -> items.add(text(item)));
            return String.join(", ", items);
        }
        if (value instanceof TableRow row) {
            return String.join(", ", row.cells().values());
        }
        throw new ClassCastException(describe(value));
    }

    private static String describe(Object value) {
        if (value instanceof Inline) {
            return "rich content (a filter such as status or link already made it a piece of page)";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return value instanceof String ? "text" : value.getClass().getSimpleName();
    }

    private static Map<String, BiFunction<Object, Scope, Object>> all() {
        Map<String, BiFunction<Object, Scope, Object>> f = new TreeMap<>();
        f.put("status", (v, s) -> Inline.status(s.colourOf(text(v)), text(v)));
        f.put("link", (v, s) -> {
            String t = text(v);
            return isEmail(t) ? Inline.link("mailto:" + t, t) : isWebUrl(t) ? Inline.link(t, t) : Inline.text(t);
        });
        f.put("link-or-code", (v, s) -> isWebUrl(text(v)) ? Inline.link(text(v), text(v)) : Inline.code(text(v)));
        f.put("code", (v, s) -> Inline.code(text(v)));
        f.put("strong", (v, s) -> Inline.strong(text(v)));
        f.put("emphasis", (v, s) -> Inline.emphasis(text(v)));
        f.put("lines", (v, s) -> lines(text(v)));
        f.put("paragraphs", (v, s) -> text(v));
        f.put("shell", (v, s) -> "'" + text(v).replace("'", "'\\''") + "'");
        f.put("upper", (v, s) -> text(v).toUpperCase(Locale.ROOT));
        f.put("lower", (v, s) -> text(v).toLowerCase(Locale.ROOT));
        f.put("join", (v, s) -> text(v));
        f.put("count", (v, s) -> BigDecimal.valueOf(v instanceof List<?> l ? l.size() : 1));
        f.put("many", (v, s) -> v instanceof List<?> l && l.size() > 1);
        f.put("attached", (v, s) -> s.isAttached(text(v)));
        f.put("weburl", (v, s) -> v instanceof List<?> l
                ? l.stream().filter(i -> i instanceof String t && isWebUrl(t)).toList()
                : isWebUrl(text(v)) ? v : null);
        f.put("distinct", (v, s) -> v instanceof List<?> l ? List.copyOf(new LinkedHashSet<>(l)) : v);
        return java.util.Collections.unmodifiableMap(f);
    }

    private static Inline lines(String text) {
        List<Inline> pieces = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!pieces.isEmpty()) {
                pieces.add(Inline.lineBreak());
            }
            pieces.add(Inline.text(line));
        }
        return Inline.group(pieces);
    }
}
