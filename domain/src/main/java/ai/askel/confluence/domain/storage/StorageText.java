package ai.askel.confluence.domain.storage;

/** Escaping for storage format: no string can break out of a text node, an attribute or a CDATA section. */
public final class StorageText {
    private StorageText() {
    }

    /** Text content: {@code & < >} (and CR) escaped, characters XML cannot hold replaced by U+FFFD. */
    public static String escapeText(String text) {
        return escape(text, false);
    }

    /** An attribute value (always written in double quotes): quotes escaped too. */
    public static String escapeAttribute(String text) {
        return escape(text, true);
    }

    /**
     * A CDATA section holding the text verbatim, with {@code ]]>} and {@code <!} split across two sections. Line
     * ends are written as LF: a parser reads CR LF and a lone CR as LF anyway, so the body says
     * exactly what Confluence will read.
     */
    public static String cdata(String text) {
        String lines = legal(text).replace("\r\n", "\n").replace('\r', '\n');
        // "<!" is split too, so no declaration (<!DOCTYPE, <!ENTITY) appears in the body even inside CDATA, where a naive check would refuse it
        StringBuilder out = new StringBuilder(lines.length() + 24).append("<![CDATA[");
        for (int i = 0; i < lines.length(); ) {
            if (lines.startsWith("]]>", i)) {
                out.append("]]]]><![CDATA[>");
                i += 3;
            } else if (lines.startsWith("<!", i)) {
                out.append("<]]><![CDATA[!");
                i += 2;
            } else {
                out.append(lines.charAt(i++));
            }
        }
        return out.append("]]>").toString();
    }

    private static String escape(String text, boolean attribute) {
        String legal = legal(text);
        StringBuilder out = new StringBuilder(legal.length() + 16);
        for (int i = 0; i < legal.length(); i++) {
            char c = legal.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\'' -> out.append(attribute ? "&apos;" : "'");
                // a parser turns a literal CR into LF (and tab or LF in an attribute into a space): keep them as references
                case '\r' -> out.append("&#13;");
                case '\n', '\t' -> out.append(attribute ? "&#" + (int) c + ";" : String.valueOf(c));
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Replaces code points XML 1.0 forbids (most controls, lone surrogates, U+FFFE/U+FFFF). */
    static String legal(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD
                    || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD)
                    || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (!ok && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                if (ok) {
                    out.appendCodePoint(cp);
                } else {
                    out.append('\uFFFD');
                }
            }
            i += width;
        }
        return out == null ? text : out.toString();
    }
}
