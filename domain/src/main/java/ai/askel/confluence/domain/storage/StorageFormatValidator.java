package ai.askel.confluence.domain.storage;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Checks a caller's storage-format body before it is sent, the way Confluence would: it must be
 * well-formed XML with the {@code ac:}/{@code ri:} prefixes, with no HTML-only entities such as
 * {@code &nbsp;} and no DOCTYPE (so no XXE). A failure names the line, column and reason, instead
 * of Confluence's opaque 400.
 */
public final class StorageFormatValidator {
    /** What a regular expression's {@code \s} matches. */
    private static final String BLANKS = " \t\n\u000B\f\r";
    private static final Pattern CDATA_OR_COMMENT = Pattern.compile("<!\\[CDATA\\[.*?]]>|<!--.*?-->", Pattern.DOTALL);
    private static final Pattern UNDECLARED_ENTITY = Pattern.compile("entity \"([^\"]+)\" was referenced, but not declared");
    /**
     * The body this thread last found valid. A body is often checked twice in a row (a hosted template checks what
     * it rendered, then the page body made of it checks again); a string never changes, so the same instance needs
     * no second parse. Held weakly, so a thread does not keep a large body alive.
     */
    private static final ThreadLocal<WeakReference<String>> LAST_VALID = new ThreadLocal<>();

    private StorageFormatValidator() {
    }

    public static void validate(String body) {
        WeakReference<String> last = LAST_VALID.get();
        if (body != null && last != null && last.get() == body) {
            return;
        }
        check(body);
        LAST_VALID.set(new WeakReference<>(body));
    }

    private static void check(String body) {
        int declaration = declarationAt(body) < 0 ? -1 : declarationAt(blankOutCdataAndComments(body));
        if (declaration >= 0) {
            // inside the wrapping root the parser would only say "Scanner State 24 not Recognized"
            int[] at = position(body, declaration);
            throw new InvalidStorageFormatException(at[0], at[1], "a DOCTYPE or entity declaration is not allowed in storage format");
        }
        try {
            StorageXml.parse(body, new DefaultHandler());
        } catch (SAXParseException e) {
            int line = Math.max(e.getLineNumber(), 1);
            int column = Math.max(e.getColumnNumber(), 1);
            if (line == 1) {
                column = Math.max(column - StorageXml.ROOT_OPEN.length(), 1);
            }
            // an error found only at the wrapper's closing tag (an element left open) belongs at the end of the body
            int[] end = position(body, body.length());
            if (line > end[0] || (line == end[0] && column > end[1])) {
                line = end[0];
                column = end[1];
            }
            throw new InvalidStorageFormatException(line, column, explain(e.getMessage()));
        } catch (SAXException | IOException e) {
            throw new InvalidStorageFormatException(1, 1, String.valueOf(e.getMessage()));
        }
    }

    /**
     * Where the first {@code <!DOCTYPE} or {@code <!ENTITY} starts (any case, blanks allowed after {@code <!}), or -1.
     * A scan for {@code <!} rather than a case-insensitive pattern: a pattern tries every position of the body, and
     * this runs on every body the connector reads or sends.
     */
    private static int declarationAt(String body) {
        for (int at = body.indexOf("<!"); at >= 0; at = body.indexOf("<!", at + 2)) {
            int word = at + 2;
            while (word < body.length() && BLANKS.indexOf(body.charAt(word)) >= 0) {
                word++;
            }
            if (body.regionMatches(true, word, "DOCTYPE", 0, 7) || body.regionMatches(true, word, "ENTITY", 0, 6)) {
                return at;
            }
        }
        return -1;
    }

    /** The body with CDATA sections and comments blanked out (same length), where a DOCTYPE is only text. */
    private static String blankOutCdataAndComments(String body) {
        Matcher quoted = CDATA_OR_COMMENT.matcher(body);
        StringBuilder out = new StringBuilder(body);
        while (quoted.find()) {
            for (int i = quoted.start(); i < quoted.end(); i++) {
                out.setCharAt(i, ' ');
            }
        }
        return out.toString();
    }

    /** The 1-based line and column of the character at {@code index} (or just past the end). */
    private static int[] position(String body, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (body.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, index - lineStart + 1};
    }

    private static String explain(String parserMessage) {
        String message = parserMessage == null ? "malformed XML" : parserMessage;
        Matcher entity = UNDECLARED_ENTITY.matcher(message);
        if (entity.find()) {
            return "the entity &%s; is not allowed: storage format knows only &amp; &lt; &gt; &quot; &apos; and numeric references such as &#160;"
                    .formatted(entity.group(1));
        }
        if (message.contains("DOCTYPE")) {
            return "a DOCTYPE is not allowed in storage format";
        }
        if (message.contains("askel-root")) {
            return "an element is not closed before the end of the body (" + message.replace("askel-root", "end of body") + ")";
        }
        return message;
    }
}
