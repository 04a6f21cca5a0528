package ai.askel.confluence.plugins.declarative;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.domain.storage.StorageCanonicalForm;
import ai.askel.confluence.domain.storage.StorageFormatValidator;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.xml.parsers.SAXParserFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

class MarkdownToStorageTest {

    private static String canonical(String markdown) {
        String storage = MarkdownToStorage.convert(markdown);
        StorageFormatValidator.validate(storage);
        return StorageCanonicalForm.of(storage);
    }

    private static String expected(String storage) {
        return StorageCanonicalForm.of(storage);
    }

    @Test
    void converts_headings_paragraphs_emphasis_and_line_breaks() {
        assertThat(canonical("# Title\n\nSome *em* and **strong _nested_** text\nsoft  \nhard\n\n---\n"))
                .isEqualTo(expected("<h1>Title</h1><p>Some <em>em</em> and <strong>strong <em>nested</em></strong> text soft"
                        + "<br />hard</p><hr />"));
    }

    @Test
    void converts_fenced_code_to_the_code_macro_with_its_language() {
        assertThat(canonical("```python title=x\nprint(\"]]>\")\n```\n\n    indented\n"))
                .isEqualTo(expected("<ac:structured-macro ac:name=\"code\"><ac:parameter ac:name=\"language\">python</ac:parameter>"
                        + "<ac:plain-text-body><![CDATA[print(\"]]]]><![CDATA[>\")]]></ac:plain-text-body></ac:structured-macro>"
                        + "<ac:structured-macro ac:name=\"code\"><ac:plain-text-body><![CDATA[indented]]></ac:plain-text-body>"
                        + "</ac:structured-macro>"));
    }

    @Test
    void converts_gfm_tables_with_inline_content() {
        assertThat(canonical("| Name | Link |\n| :--- | ---: |\n| **Ada** | [home](https://ada.example) |\n| Bob \\| Co |\n"))
                .isEqualTo(expected("<table><tbody><tr><th>Name</th><th>Link</th></tr>"
                        + "<tr><td><strong>Ada</strong></td><td><a href=\"https://ada.example\">home</a></td></tr>"
                        + "<tr><td>Bob | Co</td><td></td></tr></tbody></table>"));
    }

    @Test
    void converts_lists_nested_lists_and_task_lists() {
        assertThat(canonical("- one\n- two\n  1. a\n  2. b\n\n* [ ] todo\n* [x] done\n"))
                .isEqualTo(expected("<ul><li>one</li><li>two<ol><li>a</li><li>b</li></ol></li></ul>"
                        + "<ac:task-list><ac:task><ac:task-status>incomplete</ac:task-status><ac:task-body>todo</ac:task-body></ac:task>"
                        + "<ac:task><ac:task-status>complete</ac:task-status><ac:task-body>done</ac:task-body></ac:task></ac:task-list>"));
    }

    @Test
    void links_to_the_web_and_to_attachments_and_shows_attached_and_web_images() {
        assertThat(canonical("[spec](spec.pdf), [mail](mailto:a@b.example), <https://x.example>\n\n![Diagram](arch.png)\n\n"
                + "![Logo](https://img.example/l.png)\n"))
                .isEqualTo(expected("<p><ac:link><ri:attachment ri:filename=\"spec.pdf\" /><ac:plain-text-link-body>"
                        + "<![CDATA[spec]]></ac:plain-text-link-body></ac:link>, <a href=\"mailto:a@b.example\">mail</a>,"
                        + " <a href=\"https://x.example\">https://x.example</a></p>"
                        + "<ac:image ac:alt=\"Diagram\"><ri:attachment ri:filename=\"arch.png\" /></ac:image>"
                        + "<ac:image ac:alt=\"Logo\"><ri:url ri:value=\"https://img.example/l.png\" /></ac:image>"));
    }

    @Test
    void panels_quotes_and_a_table_of_contents() {
        assertThat(canonical("[TOC]\n\n> [!WARNING] Careful\n> Body\n\n> plain quote\n"))
                .isEqualTo(expected("<ac:structured-macro ac:name=\"toc\" /><ac:structured-macro ac:name=\"warning\">"
                        + "<ac:parameter ac:name=\"title\">Careful</ac:parameter><ac:rich-text-body><p>Body</p></ac:rich-text-body>"
                        + "</ac:structured-macro><blockquote><p>plain quote</p></blockquote>"));
    }

    @Test
    void raw_html_and_script_links_stay_text() {
        assertThat(canonical("<div onclick=x>hi</div>\n\nA <b>bold</b> [click](javascript:alert(1)) ![x](javascript:y)\n"))
                .isEqualTo(expected("<p>&lt;div onclick=x&gt;hi&lt;/div&gt;</p><p>A &lt;b&gt;bold&lt;/b&gt; click x</p>"));
    }

    private static final String[] PIECES = {
        "<", ">", "&", "\"", "'", "]]>", "<![CDATA[", "</p>", "<ac:structured-macro ac:name=\"html\">", "<script>alert(1)</script>",
        "&amp;", "&#x3c;", "&lt;", "<!--", "-->", "\u0000", "\u0001", "\uFFFE", "\uD800", "{{x}}", "[!NOTE]", "> ", "# ", "- ",
        "1. ", "```", "`", "*", "_", "|", "---", "[a](", "javascript:alert(1)", ")", "![", "](", "\n", "\n\n", "    ", "\t", "\\",
        "[TOC]", "https://e.example/?a=1&b=2", "<https://x>", "ri:attachment", "ac:image", "😀"
    };

    private static final Set<String> ELEMENTS = Set.of("root", "h1", "h2", "h3", "h4", "h5", "h6", "p", "strong", "em", "code", "br",
            "hr", "a", "ul", "ol", "li", "blockquote", "table", "tbody", "tr", "th", "td", "ac:structured-macro", "ac:parameter",
            "ac:rich-text-body", "ac:plain-text-body", "ac:image", "ri:attachment", "ri:url", "ac:link", "ac:plain-text-link-body",
            "ac:task-list", "ac:task", "ac:task-status", "ac:task-body");
    private static final Set<String> MACROS = Set.of("code", "info", "note", "warning", "tip", "toc");

    /** Random Markdown full of markup, entities, CDATA breakers and control characters: only the conversion's own elements come out. */
    @Test
    void hostile_markdown_never_produces_markup_the_conversion_did_not_choose() throws Exception {
        Random random = new Random(20261202L);
        SAXParserFactory factory = SAXParserFactory.newInstance();
        for (int round = 0; round < 250; round++) {
            StringBuilder markdown = new StringBuilder();
            for (int i = 0, n = 1 + random.nextInt(30); i < n; i++) {
                markdown.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String storage = MarkdownToStorage.convert(markdown.toString());
            StorageFormatValidator.validate(storage);
            List<String> elements = new ArrayList<>();
            List<String> macros = new ArrayList<>();
            factory.newSAXParser().parse(new InputSource(new StringReader(
                    "<root xmlns:ac=\"a\" xmlns:ri=\"r\">" + storage + "</root>")), new DefaultHandler() {
                        @Override
                        public void startElement(String uri, String local, String qName, Attributes attributes) {
                            elements.add(qName);
                            if (qName.equals("ac:structured-macro")) {
                                macros.add(attributes.getValue("ac:name"));
                            }
                        }
                    });
            assertThat(ELEMENTS).as("round %d: %s", round, markdown).containsAll(elements);
            assertThat(MACROS).as("round %d: %s", round, markdown).containsAll(macros);
        }
    }
}
