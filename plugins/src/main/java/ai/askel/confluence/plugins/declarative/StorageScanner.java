package ai.askel.confluence.plugins.declarative;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Cuts a storage-format body into its pieces, each with its position: text, start and end tags
 * (with their attributes, values as written), CDATA sections, and comments, processing instructions
 * and declarations. It is lenient (the XML parser judges well-formedness); what it reports is a
 * placeholder where no escaping can make a value safe: in a tag or attribute name, between
 * attributes, outside an attribute's quotes, or in a comment, processing instruction or declaration.
 */
final class StorageScanner {
    sealed interface Token permits Text, StartTag, EndTag, Cdata, Other {
        /** The token exactly as written. */
        String raw();

        Position at();
    }

    record Text(String raw, Position at) implements Token {
    }

    /** {@code <name a="v">}, or {@code <name/>} when {@code empty}. */
    record StartTag(String raw, String name, List<Attribute> attributes, boolean empty, Position at) implements Token {
        StartTag {
            attributes = List.copyOf(attributes);
        }
    }

    record EndTag(String raw, String name, Position at) implements Token {
    }

    /** A CDATA section: {@code content} is what stands between its markers, starting at {@code contentAt}. */
    record Cdata(String raw, String content, Position contentAt, Position at) implements Token {
    }

    /** A comment, a processing instruction or a declaration. */
    record Other(String raw, Position at) implements Token {
    }

    /** An attribute; {@code value} is as written between the quotes (entity references unresolved). */
    record Attribute(String name, String value, Position valueAt) {
    }

    private final String source;
    private final Problems problems;
    private final List<Integer> lineStarts = new ArrayList<>();
    private final List<Token> tokens = new ArrayList<>();

    private StorageScanner(String source, Problems problems) {
        this.source = source;
        this.problems = problems;
        lineStarts.add(0);
        for (int i = 0; i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                lineStarts.add(i + 1);
            }
        }
    }

    /** The tokens of {@code source}; a misplaced placeholder goes to {@code problems}. */
    static List<Token> scan(String source, Problems problems) {
        StorageScanner scanner = new StorageScanner(source, problems);
        scanner.scan();
        return List.copyOf(scanner.tokens);
    }

    private void scan() {
        int i = 0;
        int n = source.length();
        while (i < n) {
            int lt = source.indexOf('<', i);
            if (lt < 0) {
                tokens.add(new Text(source.substring(i), at(i)));
                return;
            }
            if (lt > i) {
                tokens.add(new Text(source.substring(i, lt), at(i)));
            }
            if (source.startsWith("<!--", lt)) {
                i = other(lt, "-->", "a comment");
            } else if (source.startsWith("<![CDATA[", lt)) {
                int end = source.indexOf("]]>", lt + 9);
                i = end < 0 ? n : end + 3;
                tokens.add(new Cdata(source.substring(lt, i), source.substring(lt + 9, end < 0 ? n : end), at(lt + 9), at(lt)));
            } else if (source.startsWith("<?", lt)) {
                i = other(lt, "?>", "a processing instruction");
            } else if (source.startsWith("<!", lt)) {
                i = other(lt, ">", "a declaration");
            } else if (source.startsWith("</", lt)) {
                int end = source.indexOf('>', lt);
                i = end < 0 ? n : end + 1;
                String name = source.substring(lt + 2, end < 0 ? n : end).strip();
                placeholderIn(lt + 2, i, "an end tag");
                tokens.add(new EndTag(source.substring(lt, i), name, at(lt)));
            } else if (lt + 1 < n && (Character.isLetter(source.charAt(lt + 1)) || "_:{".indexOf(source.charAt(lt + 1)) >= 0)) {
                i = startTag(lt);
            } else {
                tokens.add(new Text("<", at(lt)));
                i = lt + 1;
            }
        }
    }

    private int other(int start, String terminator, String what) {
        int end = source.indexOf(terminator, start + 2);
        int stop = end < 0 ? source.length() : end + terminator.length();
        placeholderIn(start, stop, what + ", whose text cannot be escaped");
        tokens.add(new Other(source.substring(start, stop), at(start)));
        return stop;
    }

    private int startTag(int lt) {
        int n = source.length();
        int j = lt + 1;
        while (j < n && !Character.isWhitespace(source.charAt(j)) && source.charAt(j) != '>' && !source.startsWith("/>", j)) {
            j++;
        }
        String name = source.substring(lt + 1, j);
        placeholderIn(lt + 1, j, "a tag name");
        List<Attribute> attributes = new ArrayList<>();
        boolean empty = false;
        while (j < n) {
            char c = source.charAt(j);
            if (Character.isWhitespace(c)) {
                j++;
            } else if (c == '>') {
                j++;
                break;
            } else if (source.startsWith("/>", j)) {
                j += 2;
                empty = true;
                break;
            } else if (source.startsWith("{{", j)) {
                problems.add(at(j), "a placeholder cannot stand between attributes: it would write markup, not a value");
                int close = source.indexOf("}}", j);
                j = close < 0 ? n : close + 2;
            } else {
                j = attribute(j, attributes);
            }
        }
        tokens.add(new StartTag(source.substring(lt, j), name, attributes, empty, at(lt)));
        return j;
    }

    /** Reads one attribute from {@code start}; returns where the next one may start. */
    private int attribute(int start, List<Attribute> attributes) {
        int n = source.length();
        int j = start;
        while (j < n && !Character.isWhitespace(source.charAt(j)) && "=>/".indexOf(source.charAt(j)) < 0) {
            j++;
        }
        if (j == start) {
            return j + 1;
        }
        String name = source.substring(start, j);
        placeholderIn(start, j, "an attribute name");
        while (j < n && Character.isWhitespace(source.charAt(j))) {
            j++;
        }
        if (j >= n || source.charAt(j) != '=') {
            return j;
        }
        j++;
        while (j < n && Character.isWhitespace(source.charAt(j))) {
            j++;
        }
        if (j >= n) {
            return j;
        }
        char quote = source.charAt(j);
        if (quote != '"' && quote != '\'') {
            int end = j;
            while (end < n && !Character.isWhitespace(source.charAt(end)) && source.charAt(end) != '>') {
                end++;
            }
            placeholderIn(j, end, "an attribute value without quotes");
            return end;
        }
        int end = source.indexOf(quote, j + 1);
        if (end < 0) {
            return n;
        }
        attributes.add(new Attribute(name, source.substring(j + 1, end), at(j + 1)));
        return end + 1;
    }

    private void placeholderIn(int start, int end, String what) {
        int found = source.indexOf("{{", start);
        if (found >= 0 && found < end) {
            problems.add(at(found), "a placeholder cannot stand in %s".formatted(what));
        }
    }

    private Position at(int offset) {
        int line = Collections.binarySearch(lineStarts, offset);
        int index = line >= 0 ? line : -line - 2;
        return new Position(index + 1, offset - lineStarts.get(index) + 1);
    }

    /**
     * The text that XML gives for {@code raw} as written in element text or (with {@code attribute}) in an
     * attribute value: entity and character references resolved, and in an attribute, line breaks and tabs
     * read as spaces. The body has been checked to hold only the references storage format allows.
     */
    static String unescape(String raw, boolean attribute) {
        String text = attribute ? raw.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').replace('\t', ' ') : raw;
        if (text.indexOf('&') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int semicolon = c == '&' ? text.indexOf(';', i) : -1;
            if (semicolon < 0) {
                out.append(c);
                i++;
                continue;
            }
            String name = text.substring(i + 1, semicolon);
            switch (name) {
                case "amp" -> out.append('&');
                case "lt" -> out.append('<');
                case "gt" -> out.append('>');
                case "quot" -> out.append('"');
                case "apos" -> out.append('\'');
                default -> out.append(reference(name).orElse(text.substring(i, semicolon + 1)));
            }
            i = semicolon + 1;
        }
        return out.toString();
    }

    private static Optional<String> reference(String name) {
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                return Optional.of(Character.toString(Integer.parseInt(name.substring(2), 16)));
            }
            if (name.startsWith("#")) {
                return Optional.of(Character.toString(Integer.parseInt(name.substring(1))));
            }
        } catch (IllegalArgumentException e) {
            // not a character reference: kept as written
        }
        return Optional.empty();
    }
}
