package ai.askel.confluence.domain.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.error.InvalidInputException;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StorageBuilderTest {

    static Stream<Arguments> elements() {
        return Stream.of(
                element("heading", b -> b.heading(1, "Crestview"), "<h1>Crestview</h1>"),
                element("heading 6 with inline", b -> b.heading(6, Inline.text("a "), Inline.emphasis("b")), "<h6>a <em>b</em></h6>"),
                element("paragraph", b -> b.paragraph("Hello & welcome"), "<p>Hello &amp; welcome</p>"),
                element("inline pieces", b -> b.paragraph(Inline.strong("s"), Inline.emphasis("e"), Inline.code("c"), Inline.lineBreak()),
                        "<p><strong>s</strong><em>e</em><code>c</code><br /></p>"),
                element("link", b -> b.paragraph(Inline.link("https://example.com/a?b=1&c=2", "docs")),
                        "<p><a href=\"https://example.com/a?b=1&amp;c=2\">docs</a></p>"),
                element("link without text shows the url", b -> b.paragraph(Inline.link(" mailto:ops@example.com ", "")),
                        "<p><a href=\"mailto:ops@example.com\">mailto:ops@example.com</a></p>"),
                element("status lozenge", b -> b.paragraph(Inline.status(StatusColour.GREEN, "LIVE")),
                        "<p><ac:structured-macro ac:name=\"status\"><ac:parameter ac:name=\"colour\">Green</ac:parameter>"
                                + "<ac:parameter ac:name=\"title\">LIVE</ac:parameter></ac:structured-macro></p>"),
                element("bullet list", b -> b.bulletList(List.of("a", "b")), "<ul><li>a</li><li>b</li></ul>"),
                element("ordered list", b -> b.orderedList(List.of("first")), "<ol><li>first</li></ol>"),
                element("bullet list of inline", b -> b.bulletListOf(List.of(List.of(Inline.strong("x"), Inline.text(" y")))),
                        "<ul><li><strong>x</strong> y</li></ul>"),
                element("empty list", b -> b.bulletList(List.of()), "<ul></ul>"),
                element("table", b -> b.table(List.of("Name", "Role"), List.of(List.of("Ada", "On call"))),
                        "<table><tbody><tr><th>Name</th><th>Role</th></tr><tr><td>Ada</td><td>On call</td></tr></tbody></table>"),
                element("table of inline", b -> b.tableOf(List.of("State"), List.of(List.of(Inline.status(StatusColour.GREY, "off")))),
                        "<table><tbody><tr><th>State</th></tr><tr><td><ac:structured-macro ac:name=\"status\">"
                                + "<ac:parameter ac:name=\"colour\">Grey</ac:parameter><ac:parameter ac:name=\"title\">off</ac:parameter>"
                                + "</ac:structured-macro></td></tr></tbody></table>"),
                element("code block", b -> b.codeBlock("bash", "echo \"<hi>\" && exit"),
                        "<ac:structured-macro ac:name=\"code\"><ac:parameter ac:name=\"language\">bash</ac:parameter>"
                                + "<ac:plain-text-body><![CDATA[echo \"<hi>\" && exit]]></ac:plain-text-body></ac:structured-macro>"),
                element("code block without language", b -> b.codeBlock(" ", "a]]>b"),
                        "<ac:structured-macro ac:name=\"code\"><ac:plain-text-body><![CDATA[a]]]]><![CDATA[>b]]></ac:plain-text-body>"
                                + "</ac:structured-macro>"),
                element("info panel", b -> b.panel(PanelType.INFO, "Note", p -> p.paragraph("x")),
                        "<ac:structured-macro ac:name=\"info\"><ac:parameter ac:name=\"title\">Note</ac:parameter>"
                                + "<ac:rich-text-body><p>x</p></ac:rich-text-body></ac:structured-macro>"),
                element("note panel without title", b -> b.panel(PanelType.NOTE, null, p -> p.bulletList(List.of("a"))),
                        "<ac:structured-macro ac:name=\"note\"><ac:rich-text-body><ul><li>a</li></ul></ac:rich-text-body></ac:structured-macro>"),
                element("warning panel", b -> b.panel(PanelType.WARNING, "", p -> { }),
                        "<ac:structured-macro ac:name=\"warning\"><ac:rich-text-body></ac:rich-text-body></ac:structured-macro>"),
                element("tip panel", b -> b.panel(PanelType.TIP, "T", p -> p.horizontalRule()),
                        "<ac:structured-macro ac:name=\"tip\"><ac:parameter ac:name=\"title\">T</ac:parameter>"
                                + "<ac:rich-text-body><hr /></ac:rich-text-body></ac:structured-macro>"),
                element("attached image", b -> b.attachedImage("arch diagram.png", "Architecture"),
                        "<ac:image ac:alt=\"Architecture\"><ri:attachment ri:filename=\"arch diagram.png\" /></ac:image>"),
                element("attached image without alt", b -> b.attachedImage("a&b.png", null),
                        "<ac:image><ri:attachment ri:filename=\"a&amp;b.png\" /></ac:image>"),
                element("horizontal rule", StorageBuilder::horizontalRule, "<hr />"));
    }

    private static Arguments element(String name, UnaryOperator<StorageBuilder> build, String expected) {
        return Arguments.of(name, build, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elements")
    void every_element_renders_the_expected_storage_format_and_validates(String name, UnaryOperator<StorageBuilder> build, String expected) {
        String body = build.apply(StorageBuilder.create()).build();

        assertThat(body).isEqualTo(expected);
        assertThatNoException().isThrownBy(() -> StorageFormatValidator.validate(body));
    }

    @Test
    void everything_together_is_one_valid_body_in_order() {
        String body = StorageBuilder.create()
                .heading(1, "Crestview Production")
                .paragraph(Inline.text("Status: "), Inline.status(StatusColour.GREEN, "LIVE"))
                .table(List.of("Name", "Role"), List.of(List.of("Ada", "On call")))
                .build();

        assertThat(body).startsWith("<h1>Crestview Production</h1><p>Status: <ac:structured-macro").endsWith("</table>");
        assertThatNoException().isThrownBy(() -> StorageFormatValidator.validate(body));
    }

    @Test
    void an_empty_builder_builds_an_empty_body() {
        assertThat(StorageBuilder.create().build()).isEmpty();
    }

    @Test
    void heading_levels_are_1_to_6() {
        assertThatThrownBy(() -> StorageBuilder.create().heading(0, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StorageBuilder.create().heading(7, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void table_rows_must_match_the_headers() {
        assertThatThrownBy(() -> StorageBuilder.create().table(List.of("a", "b"), List.of(List.of("1", "2"), List.of("3"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("table: row 2 has 1 cells but the table has 2 columns");
        assertThatThrownBy(() -> StorageBuilder.create().table(List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void links_only_to_http_https_and_mailto() {
        for (String url : new String[] {"javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>", "file:///etc/passwd",
                "/relative", "vbscript:x"}) {
            assertThatThrownBy(() -> Inline.link(url, "x")).as(url).isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> Inline.link(" ", "x")).hasMessage("link: a link needs a URL");
        assertThatThrownBy(() -> Inline.link("https://a b", "x")).hasMessageContaining("is not a URL");
    }

    @Test
    void code_languages_are_names_not_markup() {
        assertThat(StorageBuilder.create().codeBlock("c++", "x").build()).contains(">c++</ac:parameter>");
        assertThatThrownBy(() -> StorageBuilder.create().codeBlock("java\"><x", "x"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("language: ");
    }

    @Test
    void attached_images_need_a_file_name_not_a_path() {
        assertThatThrownBy(() -> StorageBuilder.create().attachedImage("../x.png", "x")).hasMessageContaining("not a path");
        assertThatThrownBy(() -> StorageBuilder.create().attachedImage(" ", "x")).hasMessage("fileName: is required");
        assertThatThrownBy(() -> StorageBuilder.create().attachedImage("a\u0000.png", "x")).isInstanceOf(InvalidInputException.class);
    }
}
