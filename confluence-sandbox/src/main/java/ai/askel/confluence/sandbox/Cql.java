package ai.askel.confluence.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of CQL the connector uses: a tokenizer and a recursive-descent parser producing a predicate over
 * indexed documents plus an ordering.
 *
 * <pre>
 * query   := or [ORDER BY sortKey {"," sortKey}]
 * or      := and {OR and}
 * and     := unary {AND unary | NOT unary}
 * unary   := NOT unary | "(" or ")" | clause
 * clause  := field op value
 * field   := type | space | title | label | lastmodified | created
 * op      := = | != | ~ | !~ | &lt; | &lt;= | &gt; | &gt;= | IN | NOT IN
 * value   := string | word | now("±Nu") | "(" value {"," value} ")"
 * </pre>
 * Dates are read in UTC, the sandbox's "configured time zone".
 */
final class Cql {

    /** What a search sees of a page: a snapshot taken when the page was indexed. */
    record Doc(long id, String type, String spaceKey, String title, Set<String> labels, Instant created,
               Instant lastModified) {
    }

    /** A parsed query. */
    record Query(Predicate<Doc> filter, Comparator<Doc> order) {
        boolean matches(Doc doc) {
            return filter.test(doc);
        }
    }

    /** A query that could not be parsed or uses something the sandbox does not support; the message names it. */
    static final class CqlException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CqlException(String message) {
            super(message);
        }
    }

    private enum Kind { LPAREN, RPAREN, COMMA, OP, STRING, WORD, EOF }

    private record Token(Kind kind, String text, int position) {
        boolean isWord(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }

        String describe() {
            return kind == Kind.EOF ? "the end of the query" : "'" + text + "' at position " + position;
        }
    }

    private static final Set<String> RESERVED = Set.of("and", "or", "not", "in", "order", "by", "asc", "desc");
    private static final Pattern RELATIVE = Pattern.compile("([+-]?)(\\d+)([yMwdhm])");

    private final List<Token> tokens;
    private final Instant now;
    private int next;

    private Cql(String cql, Instant now) {
        this.tokens = tokenize(cql);
        this.now = now;
    }

    /** Parses {@code cql}; {@code now} anchors {@code now("-7d")}. */
    static Query parse(String cql, Instant now) {
        if (cql == null || cql.isBlank()) {
            throw new CqlException("the CQL query is empty");
        }
        return new Cql(cql, now).query();
    }

    // ---- tokenizer

    private static List<Token> tokenize(String cql) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < cql.length()) {
            char c = cql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                out.add(new Token(Kind.LPAREN, "(", i++));
            } else if (c == ')') {
                out.add(new Token(Kind.RPAREN, ")", i++));
            } else if (c == ',') {
                out.add(new Token(Kind.COMMA, ",", i++));
            } else if (c == '"' || c == '\'') {
                i = quoted(cql, i, out);
            } else if ("=!~<>".indexOf(c) >= 0) {
                int start = i;
                String two = i + 1 < cql.length() ? cql.substring(i, i + 2) : "";
                String op = switch (two) {
                    case "!=", "!~", "<=", ">=" -> two;
                    default -> String.valueOf(c);
                };
                if (op.equals("!")) {
                    throw new CqlException("unexpected '!' at position " + start);
                }
                i += op.length();
                out.add(new Token(Kind.OP, op, start));
            } else if (isWordChar(c)) {
                int start = i;
                while (i < cql.length() && isWordChar(cql.charAt(i))) {
                    i++;
                }
                out.add(new Token(Kind.WORD, cql.substring(start, i), start));
            } else {
                throw new CqlException("unexpected character '" + c + "' at position " + i);
            }
        }
        out.add(new Token(Kind.EOF, "", cql.length()));
        return out;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || "-_.:/*?@+".indexOf(c) >= 0;
    }

    private static int quoted(String cql, int start, List<Token> out) {
        char quote = cql.charAt(start);
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (i < cql.length()) {
            char c = cql.charAt(i);
            if (c == '\\') {
                if (i + 1 >= cql.length()) {
                    break;
                }
                value.append(cql.charAt(i + 1));
                i += 2;
            } else if (c == quote) {
                out.add(new Token(Kind.STRING, value.toString(), start));
                return i + 1;
            } else {
                value.append(c);
                i++;
            }
        }
        throw new CqlException("unterminated string starting at position " + start);
    }

    // ---- parser

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        return tokens.get(next++);
    }

    private Query query() {
        Predicate<Doc> filter = or();
        Comparator<Doc> order = Comparator.comparingLong(Doc::id);
        if (peek().isWord("order")) {
            take();
            if (!take().isWord("by")) {
                throw new CqlException("expected BY after ORDER at position " + tokens.get(next - 1).position());
            }
            order = sortKey();
            while (peek().kind() == Kind.COMMA) {
                take();
                order = order.thenComparing(sortKey());
            }
            order = order.thenComparingLong(Doc::id);
        }
        Token end = peek();
        if (end.kind() != Kind.EOF) {
            throw new CqlException("unexpected " + end.describe());
        }
        return new Query(filter, order);
    }

    private Comparator<Doc> sortKey() {
        Token field = take();
        if (field.kind() != Kind.WORD) {
            throw new CqlException("expected a field to order by but found " + field.describe());
        }
        Comparator<Doc> key = switch (field.text().toLowerCase(Locale.ROOT)) {
            case "title" -> Comparator.comparing((Doc d) -> d.title().toLowerCase(Locale.ROOT));
            case "created" -> Comparator.comparing(Doc::created);
            case "lastmodified" -> Comparator.comparing(Doc::lastModified);
            default -> throw new CqlException("cannot order by field '" + field.text()
                    + "' (supported: title, created, lastmodified)");
        };
        if (peek().isWord("desc")) {
            take();
            return key.reversed();
        }
        if (peek().isWord("asc")) {
            take();
        }
        return key;
    }

    private Predicate<Doc> or() {
        Predicate<Doc> left = and();
        while (peek().isWord("or")) {
            take();
            left = left.or(and());
        }
        return left;
    }

    private Predicate<Doc> and() {
        Predicate<Doc> left = unary();
        while (true) {
            if (peek().isWord("and")) {
                take();
                left = left.and(unary());
            } else if (peek().isWord("not")) {
                take();
                left = left.and(unary().negate());
            } else {
                return left;
            }
        }
    }

    private Predicate<Doc> unary() {
        Token token = peek();
        if (token.isWord("not")) {
            take();
            return unary().negate();
        }
        if (token.kind() == Kind.LPAREN) {
            take();
            Predicate<Doc> inner = or();
            Token close = take();
            if (close.kind() != Kind.RPAREN) {
                throw new CqlException("expected ')' but found " + close.describe());
            }
            return inner;
        }
        return clause();
    }

    private Predicate<Doc> clause() {
        Token field = take();
        if (field.kind() != Kind.WORD || RESERVED.contains(field.text().toLowerCase(Locale.ROOT))) {
            throw new CqlException("expected a field but found " + field.describe());
        }
        String op = operator();
        String name = field.text().toLowerCase(Locale.ROOT);
        switch (name) {
            case "type":
                return textField(name, op, Doc::type, Set.of("=", "!=", "in", "not in"));
            case "space":
            case "space.key":
                return textField("space", op, Doc::spaceKey, Set.of("=", "!=", "in", "not in"));
            case "label":
                return labelField(op);
            case "title":
                return titleField(op);
            case "created":
                return dateField(name, op, Doc::created);
            case "lastmodified":
                return dateField(name, op, Doc::lastModified);
            default:
                throw new CqlException("unsupported field '" + field.text()
                        + "' (supported: type, space, title, label, lastmodified, created)");
        }
    }

    private String operator() {
        Token token = take();
        if (token.kind() == Kind.OP) {
            return token.text();
        }
        if (token.isWord("in")) {
            return "in";
        }
        if (token.isWord("not") && peek().isWord("in")) {
            take();
            return "not in";
        }
        throw new CqlException("expected an operator but found " + token.describe());
    }

    private static void requireOperator(String field, String op, Set<String> allowed) {
        if (!allowed.contains(op)) {
            throw new CqlException("operator '" + op + "' is not supported for field '" + field + "'");
        }
    }

    private Predicate<Doc> textField(String field, String op, java.util.function.Function<Doc, String> get,
                                     Set<String> allowed) {
        requireOperator(field, op, allowed);
        List<String> values = op.endsWith("in") ? list() : List.of(scalar(field));
        Predicate<Doc> any = d -> values.stream().anyMatch(v -> v.equalsIgnoreCase(get.apply(d)));
        return op.startsWith("not") || op.equals("!=") ? any.negate() : any;
    }

    private Predicate<Doc> labelField(String op) {
        requireOperator("label", op, Set.of("=", "!=", "in", "not in"));
        List<String> values = op.endsWith("in") ? list() : List.of(scalar("label"));
        List<String> lower = values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
        Predicate<Doc> any = d -> lower.stream().anyMatch(d.labels()::contains);
        return op.startsWith("not") || op.equals("!=") ? any.negate() : any;
    }

    private Predicate<Doc> titleField(String op) {
        requireOperator("title", op, Set.of("=", "!=", "~", "!~"));
        String value = scalar("title");
        Predicate<Doc> match;
        if (op.contains("~")) {
            if (value.startsWith("*") || value.startsWith("?")) {
                throw new CqlException("a search term cannot start with '*' or '?': '" + value + "'");
            }
            List<Pattern> terms = words(value).stream().map(Cql::wildcard).toList();
            if (terms.isEmpty()) {
                throw new CqlException("the title search term '" + value + "' has no words");
            }
            match = d -> {
                List<String> words = words(d.title());
                return terms.stream().allMatch(t -> words.stream().anyMatch(w -> t.matcher(w).matches()));
            };
        } else {
            match = d -> d.title().equalsIgnoreCase(value);
        }
        return op.startsWith("!") ? match.negate() : match;
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}*?]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private static Pattern wildcard(String term) {
        StringBuilder regex = new StringBuilder();
        for (char c : term.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    private Predicate<Doc> dateField(String field, String op, java.util.function.Function<Doc, Instant> get) {
        requireOperator(field, op, Set.of("=", "!=", "<", "<=", ">", ">="));
        Instant[] range = dateRange(field);
        Instant from = range[0];
        Instant until = range[1];
        Predicate<Doc> p = switch (op) {
            case "=" -> d -> !get.apply(d).isBefore(from) && get.apply(d).isBefore(until);
            case "!=" -> d -> get.apply(d).isBefore(from) || !get.apply(d).isBefore(until);
            case "<" -> d -> get.apply(d).isBefore(from);
            case "<=" -> d -> get.apply(d).isBefore(until);
            case ">" -> d -> !get.apply(d).isBefore(until);
            default -> d -> !get.apply(d).isBefore(from);
        };
        return p;
    }

    /** A date value is a half-open range [from, until): a day, a minute, or (for now()) one millisecond. */
    private Instant[] dateRange(String field) {
        Token token = take();
        if (token.kind() == Kind.WORD && token.text().equalsIgnoreCase("now")) {
            return relative(token);
        }
        if (token.kind() != Kind.STRING && token.kind() != Kind.WORD) {
            throw new CqlException("expected a date for '" + field + "' but found " + token.describe());
        }
        String text = token.text().trim();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text.replace('/', '-'));
                Instant from = day.atStartOfDay().toInstant(ZoneOffset.UTC);
                return new Instant[] {from, from.plus(Duration.ofDays(1))};
            }
            LocalDateTime minute = LocalDateTime.parse(text.replace('/', '-'),
                    DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
            Instant from = minute.toInstant(ZoneOffset.UTC);
            return new Instant[] {from, from.plus(Duration.ofMinutes(1))};
        } catch (DateTimeParseException e) {
            throw new CqlException("invalid date '" + text + "' for '" + field
                    + "' (use \"yyyy/MM/dd HH:mm\", \"yyyy-MM-dd HH:mm\", \"yyyy/MM/dd\", \"yyyy-MM-dd\" or now(\"-7d\"))");
        }
    }

    private Instant[] relative(Token nowToken) {
        if (take().kind() != Kind.LPAREN) {
            throw new CqlException("expected '(' after now at position " + nowToken.position());
        }
        Instant at = now;
        if (peek().kind() == Kind.STRING || peek().kind() == Kind.WORD) {
            String offset = take().text().trim();
            Matcher m = RELATIVE.matcher(offset);
            if (!m.matches()) {
                throw new CqlException("invalid now() offset '" + offset + "' (e.g. \"-7d\"; units y, M, w, d, h, m)");
            }
            long amount = Long.parseLong(m.group(2)) * (m.group(1).equals("-") ? -1 : 1);
            at = switch (m.group(3)) {
                case "y" -> now.atOffset(ZoneOffset.UTC).plusYears(amount).toInstant();
                case "M" -> now.atOffset(ZoneOffset.UTC).plusMonths(amount).toInstant();
                case "w" -> now.plus(Duration.ofDays(7 * amount));
                case "d" -> now.plus(Duration.ofDays(amount));
                case "h" -> now.plus(Duration.ofHours(amount));
                default -> now.plus(Duration.ofMinutes(amount));
            };
        }
        Token close = take();
        if (close.kind() != Kind.RPAREN) {
            throw new CqlException("expected ')' to close now( but found " + close.describe());
        }
        return new Instant[] {at, at.plusMillis(1)};
    }

    private String scalar(String field) {
        Token token = take();
        if (token.kind() == Kind.STRING
                || token.kind() == Kind.WORD && !RESERVED.contains(token.text().toLowerCase(Locale.ROOT))) {
            return token.text();
        }
        throw new CqlException("expected a value for '" + field + "' but found " + token.describe());
    }

    private List<String> list() {
        Token open = take();
        if (open.kind() != Kind.LPAREN) {
            throw new CqlException("expected '(' to start a list but found " + open.describe());
        }
        List<String> values = new ArrayList<>();
        values.add(scalar("list"));
        while (peek().kind() == Kind.COMMA) {
            take();
            values.add(scalar("list"));
        }
        Token close = take();
        if (close.kind() != Kind.RPAREN) {
            throw new CqlException("expected ',' or ')' in a list but found " + close.describe());
        }
        return values;
    }
}
