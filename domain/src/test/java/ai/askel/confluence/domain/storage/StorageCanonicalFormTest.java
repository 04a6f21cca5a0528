package ai.askel.confluence.domain.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Confluence re-serialises a body on save; the canonical form tells that apart from a real edit. */
class StorageCanonicalFormTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "attribute order         | <ac:image ac:alt=\"x\" ac:width=\"100\"/>                 | <ac:image ac:width=\"100\" ac:alt=\"x\"/>",
            "attribute quoting       | <ac:image ac:alt='x'/>                                   | <ac:image ac:alt=\"x\"/>",
            "self-closing vs empty   | <p>a<br/></p>                                            | <p>a<br></br></p>",
            "entity vs literal       | <p>a&#160;b &amp; &#x41;</p>                             | <p>a\u00A0b &amp; A</p>",
            "named vs numeric        | <p>&quot;q&quot; &apos;</p>                              | <p>\"q\" '</p>",
            "CDATA vs escaped text   | <ac:plain-text-body><![CDATA[a < b && c]]></ac:plain-text-body> | <ac:plain-text-body>a &lt; b &amp;&amp; c</ac:plain-text-body>",
            "split CDATA             | <ac:plain-text-body><![CDATA[a]]]]><![CDATA[>b]]></ac:plain-text-body> | <ac:plain-text-body>a]]&gt;b</ac:plain-text-body>",
            "whitespace              | <p>  Hello \\n   world </p>\\n\\n<p>x</p>                   | <p>Hello world</p><p>x</p>",
            "macro ids               | <ac:structured-macro ac:name=\"info\" ac:schema-version=\"1\" ac:macro-id=\"3f2b\"><ac:rich-text-body><p>x</p></ac:rich-text-body></ac:structured-macro> | <ac:structured-macro ac:macro-id=\"9a9a\" ac:name=\"info\"><ac:rich-text-body><p>x</p></ac:rich-text-body></ac:structured-macro>",
            "local ids               | <p local-id=\"a1\">x</p>                                  | <p local-id=\"b2\">x</p>",
            "attribute whitespace    | <ac:image ac:alt=\" x \"/>                               | <ac:image ac:alt=\"x\"/>",
            "editor table layout     | <table><tbody><tr><td>x</td></tr></tbody></table>       | <table data-layout=\"default\" ac:local-id=\"8c84\" data-table-width=\"760\"><colgroup><col style=\"width: 340.0px;\"/></colgroup><tbody><tr><td>x</td></tr></tbody></table>",
            "editor image placement  | <ac:image><ri:attachment ri:filename=\"a.png\"/></ac:image> | <ac:image ac:align=\"center\" ac:layout=\"center\" ac:original-height=\"400\" ac:original-width=\"600\" ac:width=\"600\"><ri:attachment ri:filename=\"a.png\" ri:version-at-save=\"2\"/></ac:image>",
            "editor link appearance  | <ac:link><ri:page ri:content-title=\"Home\"/></ac:link> | <ac:link ac:card-appearance=\"inline\"><ri:page ri:content-title=\"Home\" ri:version-at-save=\"14\"/></ac:link>",
            "editor macro stamps     | <ac:structured-macro ac:name=\"children\"/>              | <ac:structured-macro ac:name=\"children\" ac:schema-version=\"2\" data-layout=\"default\" ac:local-id=\"8c84\" ac:macro-id=\"dfd9\"/>",
            "space around inline     | <p>kept in <code>/etc</code> and <strong>here</strong></p> | <p>kept   in\\n<code>/etc</code>   and <strong>here</strong></p>",
    })
    void equivalent_forms_are_equal(String name, String a, String b) {
        String left = unescape(a);
        String right = unescape(b);

        assertThat(StorageCanonicalForm.equivalent(left, right)).as("%s%n%s%n%s", StorageCanonicalForm.of(left), StorageCanonicalForm.of(right), name)
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "a changed word          | <p>Hello world</p>                   | <p>Hello there</p>",
            "a changed case          | <p>Hello</p>                         | <p>hello</p>",
            "another element         | <p>x</p>                             | <h1>x</h1>",
            "a changed attribute     | <ac:image ac:alt=\"x\"/>              | <ac:image ac:alt=\"y\"/>",
            "an added attribute      | <ac:image/>                          | <ac:image ac:alt=\"y\"/>",
            "a changed macro         | <ac:structured-macro ac:name=\"info\"/> | <ac:structured-macro ac:name=\"warning\"/>",
            "code inner whitespace   | <ac:plain-text-body><![CDATA[ab]]></ac:plain-text-body> | <ac:plain-text-body><![CDATA[a b]]></ac:plain-text-body>",
            "code lines joined       | <ac:plain-text-body><![CDATA[curl -f a\\ncurl -f b]]></ac:plain-text-body> | <ac:plain-text-body><![CDATA[curl -f a curl -f b]]></ac:plain-text-body>",
            "code re-indented        | <ac:plain-text-body><![CDATA[if x:\\n    run]]></ac:plain-text-body> | <ac:plain-text-body><![CDATA[if x:\\n  run]]></ac:plain-text-body>",
            "code trailing newline   | <ac:plain-text-body><![CDATA[run]]></ac:plain-text-body> | <ac:plain-text-body><![CDATA[run\\n]]></ac:plain-text-body>",
            "pre whitespace          | <pre>a  b</pre>                      | <pre>a b</pre>",
            "inline code whitespace  | <p><code>a  b</code></p>             | <p><code>a b</code></p>",
            "space before inline     | <p>kept in <code>x</code></p>        | <p>kept in<code>x</code></p>",
            "space after inline      | <p><strong>a</strong> b</p>          | <p><strong>a</strong>b</p>",
            "cell style              | <td>x</td>                           | <td style=\"background: red\">x</td>",
            "moved text              | <p>a</p><p>b</p>                     | <p>a b</p>",
    })
    void real_edits_are_not(String name, String a, String b) {
        assertThat(StorageCanonicalForm.equivalent(unescape(a), unescape(b))).isFalse();
    }

    @Test
    void the_canonical_form_drops_presentation_attributes_sorts_the_rest_escapes_text_and_keeps_code_whitespace() {
        assertThat(StorageCanonicalForm.of("<ac:structured-macro ac:macro-id=\"1\" ac:name=\"code\" ac:local-id=\"z\">"
                + "<ac:plain-text-body><![CDATA[ if (a<b)\n   run ]]></ac:plain-text-body></ac:structured-macro>"))
                .isEqualTo("<ac:structured-macro ac:name=\"code\"><ac:plain-text-body> if (a&lt;b)\n   run </ac:plain-text-body></ac:structured-macro>");
    }

    @Test
    void a_body_that_is_not_well_formed_is_compared_whitespace_collapsed() {
        assertThat(StorageCanonicalForm.of("  <p>a \n b  ")).isEqualTo("<p>a b");
        assertThat(StorageCanonicalForm.equivalent("<p>a  b", "<p>a b")).isTrue();
        assertThat(StorageCanonicalForm.equivalent("<p>a b", "<p>a b</p>")).isFalse();
    }

    @Test
    void what_the_builder_writes_is_equivalent_to_how_confluence_returns_it() {
        String built = StorageBuilder.create()
                .codeBlock("java", "a]]>b")
                .paragraph(Inline.text("x & y"), Inline.lineBreak())
                .build();
        String returned = "<ac:structured-macro ac:name=\"code\" ac:schema-version=\"1\" ac:macro-id=\"d8f3\">"
                + "<ac:parameter ac:name=\"language\">java</ac:parameter>"
                + "<ac:plain-text-body><![CDATA[a]]]]><![CDATA[>b]]></ac:plain-text-body></ac:structured-macro>\n"
                + "<p>x &amp; y<br /></p>";

        assertThat(StorageCanonicalForm.equivalent(built, returned)).isTrue();
    }

    /** A CSV row cannot hold a real newline: it is written as backslash-n. */
    private static String unescape(String s) {
        return s.replace("\\n", "\n");
    }
}
