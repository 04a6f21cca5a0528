package ai.askel.confluence.domain.storage;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.domain.PageBody;
import ai.askel.confluence.domain.storage.ParsedStorage.Element;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No string can break out of a text node, an attribute, a CDATA section or a table cell: for many
 * generated strings (seeded, so a failure reproduces) the built body is well-formed, has exactly the
 * elements the builder meant to write, and parses back to the input.
 */
class StorageTextTest {
    private static final long SEED = 0x5eed_2026L;
    private static final int CASES = 300;

    /** Pieces that have broken escapers before, mixed with ordinary and random characters. */
    private static final List<String> PIECES = List.of(
            "<", ">", "&", "\"", "'", "]]>", "]]", "]", "<![CDATA[", "&nbsp;", "&amp;", "&#x3c;", "&lt;", "</p>", "<p>",
            "<ac:structured-macro ac:name=\"html\"><ac:plain-text-body><![CDATA[<script>alert(1)</script>]]></ac:plain-text-body>",
            "</ac:structured-macro>", "<ri:attachment ri:filename=\"x\" />", "</askel-root>", "<!DOCTYPE x>", "<!-- -->", "<?xml?>",
            "\u0000", "\u0001", "\u0008", "\u000B", "\u000C", "\u001F", "\u007F", "\u0085", "\t", "\n", "\r", "\r\n",
            "\uD800", "\uDFFF", "\uDBFF\uDFFF", "\uFFFE", "\uFFFF", "\uFFFD", "\u00A0", "\u2028",
            "\uD83D\uDE80", "\uD83D\uDC68\u200D\uD83D\uDCBB", "é", "日本語", "Ω", " ", "  ", "a", "Z", "0", "=", "/", "\\", ";", "#");

    static Stream<String> generated() {
        Random random = new Random(SEED);
        return IntStream.range(0, CASES).mapToObj(i -> randomString(random));
    }

    private static String randomString(Random random) {
        StringBuilder out = new StringBuilder();
        int pieces = random.nextInt(12);
        for (int p = 0; p < pieces; p++) {
            if (random.nextInt(4) == 0) {
                out.append((char) random.nextInt(0x10000)); // any UTF-16 unit, surrogates included
            } else {
                out.append(PIECES.get(random.nextInt(PIECES.size())));
            }
        }
        return out.toString();
    }

    /** What XML can carry of the input: code points XML 1.0 forbids become U+FFFD (an independent oracle). */
    static String xmlLegal(String input) {
        StringBuilder out = new StringBuilder();
        input.codePoints().forEach(cp -> {
            boolean legal = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                    || cp >= 0x10000;
            out.appendCodePoint(legal ? cp : 0xFFFD);
        });
        return out.toString();
    }

    @ParameterizedTest
    @MethodSource("generated")
    void a_text_node_holds_any_string_and_nothing_else(String input) {
        String body = StorageBuilder.create().paragraph(input).build();

        Element p = onlyTopLevel(body, "p");
        assertThat(p.elementCount()).as("no markup injected").isEqualTo(1);
        assertThat(p.attributes()).isEmpty();
        assertThat(p.text()).isEqualTo(xmlLegal(input));
        assertPassesValidation(body);
    }

    @ParameterizedTest
    @MethodSource("generated")
    void an_attribute_holds_any_string_and_nothing_else(String input) {
        String body = StorageBuilder.create().attachedImage("diagram.png", "x" + input).build();

        Element image = onlyTopLevel(body, "ac:image");
        assertThat(image.elementCount()).as("no markup injected").isEqualTo(2);
        assertThat(image.attributes()).containsOnlyKeys("ac:alt").containsEntry("ac:alt", xmlLegal("x" + input));
        assertThat(image.only("ri:attachment").attributes()).isEqualTo(Map.of("ri:filename", "diagram.png"));
        assertPassesValidation(body);
    }

    @ParameterizedTest
    @MethodSource("generated")
    void a_code_block_holds_any_string_verbatim_with_cdata_split_correctly(String input) {
        String body = StorageBuilder.create().codeBlock("java", input).build();

        Element macro = onlyTopLevel(body, "ac:structured-macro");
        assertThat(macro.elementCount()).as("no markup injected").isEqualTo(3);
        assertThat(macro.only("ac:parameter").text()).isEqualTo("java");
        assertThat(macro.only("ac:plain-text-body").text()).isEqualTo(lineEndsAsLf(xmlLegal(input)));
        assertPassesValidation(body);
    }

    @ParameterizedTest
    @MethodSource("generated")
    void table_cells_hold_any_string_and_nothing_else(String input) {
        String reversed = new StringBuilder(input).reverse().toString();
        String body = StorageBuilder.create().table(List.of(input, "h2"), List.of(List.of(reversed, input))).build();

        Element table = onlyTopLevel(body, "table");
        assertThat(table.elementCount()).as("table, tbody, 2 rows, 2 headers, 2 cells").isEqualTo(8);
        List<Element> rows = table.only("tbody").elements();
        assertThat(rows.get(0).elements()).extracting(Element::text).containsExactly(xmlLegal(input), "h2");
        assertThat(rows.get(1).elements()).extracting(Element::name).containsExactly("td", "td");
        assertThat(rows.get(1).elements()).extracting(Element::text).containsExactly(xmlLegal(reversed), xmlLegal(input));
        assertPassesValidation(body);
    }

    @ParameterizedTest
    @MethodSource("generated")
    void macro_parameters_and_inline_pieces_hold_any_string(String input) {
        String body = StorageBuilder.create()
                .heading(2, input)
                .paragraph(Inline.status(StatusColour.RED, input), Inline.strong(input), Inline.code(input))
                .panel(PanelType.WARNING, "t" + input, inner -> inner.paragraph(input))
                .build();

        Element root = ParsedStorage.parse(body);
        assertThat(root.elementCount()).as("root, h2, p, status macro + 2 parameters, strong, code, panel + parameter + body + p")
                .isEqualTo(12);
        String expected = xmlLegal(input);
        assertThat(root.only("h2").text()).isEqualTo(expected);
        Element p = root.only("p");
        assertThat(p.only("ac:structured-macro").elements()).extracting(Element::text).containsExactly("Red", expected);
        assertThat(p.only("strong").text()).isEqualTo(expected);
        assertThat(p.only("code").text()).isEqualTo(expected);
        Element panel = root.only("ac:structured-macro");
        assertThat(panel.only("ac:parameter").text()).isEqualTo(xmlLegal("t" + input));
        assertThat(panel.only("ac:rich-text-body").only("p").text()).isEqualTo(expected);
        assertPassesValidation(body);
    }

    static Stream<String> nasty() {
        return Stream.of("</p><ac:structured-macro ac:name=\"html\"><ac:plain-text-body><![CDATA[<script>]]></ac:plain-text-body></ac:structured-macro><p>",
                "]]>", "a]]>b]]>]]>c", "]]]]>>", "&nbsp;", "&amp;lt;", "\"'\"", "'\"><img src=x onerror=alert(1)>", "\uD83D\uDE80 launch",
                "line one\r\nline two\rline three\n", "\ttabbed\t", "x</askel-root><askel-root>y", "<!DOCTYPE x [<!ENTITY e \"boom\">]>&e;");
    }

    @ParameterizedTest
    @MethodSource("nasty")
    void hand_picked_attacks_round_trip_exactly(String input) {
        String code = StorageBuilder.create().codeBlock(null, input).build();
        String text = StorageBuilder.create().paragraph(input).build();
        String attribute = StorageBuilder.create().attachedImage("a.png", input).build();

        assertThat(onlyTopLevel(text, "p").text()).isEqualTo(input);
        assertThat(onlyTopLevel(attribute, "ac:image").attributes().get("ac:alt")).isEqualTo(input);
        assertThat(onlyTopLevel(code, "ac:structured-macro").only("ac:plain-text-body").text()).isEqualTo(lineEndsAsLf(input));
        assertPassesValidation(code + text + attribute);
    }

    @Test
    void cdata_splits_every_terminator_into_two_sections() {
        assertThat(StorageText.cdata("a]]>b")).isEqualTo("<![CDATA[a]]]]><![CDATA[>b]]>");
        assertThat(StorageText.cdata("]]>]]>")).isEqualTo("<![CDATA[]]]]><![CDATA[>]]]]><![CDATA[>]]>");
        assertThat(StorageText.cdata("")).isEqualTo("<![CDATA[]]>");
    }

    @Test
    void cdata_writes_line_ends_as_lf() {
        assertThat(StorageText.cdata("a\r\nb\rc\n")).isEqualTo("<![CDATA[a\nb\nc\n]]>");
    }

    @Test
    void escaping_tables() {
        Map<String, String> text = Map.of("a<b>&c", "a&lt;b&gt;&amp;c", "\"q\" 'a'", "\"q\" 'a'", "x\ry", "x&#13;y", "t\tn\n", "t\tn\n",
                "\u0000\uD800\uFFFF", "\uFFFD\uFFFD\uFFFD", "\uD83D\uDE80", "\uD83D\uDE80");
        Map<String, String> attribute = Map.of("a<b>&c", "a&lt;b&gt;&amp;c", "\"q\" 'a'", "&quot;q&quot; &apos;a&apos;",
                "t\tn\nr\r", "t&#9;n&#10;r&#13;");

        text.forEach((in, out) -> assertThat(StorageText.escapeText(in)).as(in).isEqualTo(out));
        attribute.forEach((in, out) -> assertThat(StorageText.escapeAttribute(in)).as(in).isEqualTo(out));
    }

    @ParameterizedTest
    @MethodSource("generated")
    void escaped_values_contain_no_markup_characters(String input) {
        String text = StorageText.escapeText(input);
        String attribute = StorageText.escapeAttribute(input);

        assertThat(text).doesNotContain("<", ">", "\r").doesNotContainPattern("&(?!amp;|lt;|gt;|#13;)");
        assertThat(attribute).doesNotContain("<", ">", "\"", "'", "\r", "\n", "\t").doesNotContainPattern("&(?!amp;|lt;|gt;|quot;|apos;|#9;|#10;|#13;)");
    }

    private static String lineEndsAsLf(String s) {
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static Element onlyTopLevel(String body, String name) {
        Element root = ParsedStorage.parse(body);
        assertThat(root.elements()).extracting(Element::name).containsExactly(name);
        assertThat(root.children()).as("nothing outside the element").hasSize(1);
        return root.only(name);
    }

    private static void assertPassesValidation(String body) {
        StorageFormatValidator.validate(body);
        assertThat(PageBody.storage(body).value()).isEqualTo(body);
    }

}
