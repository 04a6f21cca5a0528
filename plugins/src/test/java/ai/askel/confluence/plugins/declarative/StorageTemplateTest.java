package ai.askel.confluence.plugins.declarative;

import static ai.askel.confluence.plugins.declarative.DeclarativeTemplateTest.CONTEXT;
import static ai.askel.confluence.plugins.declarative.DeclarativeTemplateTest.DESCRIPTOR;
import static ai.askel.confluence.plugins.declarative.DeclarativeTemplateTest.EVERY_CONSTRUCT_RENDERED;
import static ai.askel.confluence.plugins.declarative.DeclarativeTemplateTest.EVERY_VALUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.storage.StorageCanonicalForm;
import ai.askel.confluence.domain.storage.StorageFormatValidator;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/** Declarative templates whose body is written in storage format ({@code body.xml}). */
class StorageTemplateTest {
    /** The constructs of {@link DeclarativeTemplateTest#BODY}, written in storage format. */
    static final String BODY = """
            <ac:structured-macro ac:name="toc" />
            <h1>{{service}}</h1>
            <ac:structured-macro ac:name="info">
              <ac:parameter ac:name="title">Summary of {{service}}</ac:parameter>
              <ac:rich-text-body>
                <p><strong>State:</strong> {{state | status}}</p>
                {{#if replicas}}
                <p>Replicas: {{replicas}}</p>
                {{/if}}
              </ac:rich-text-body>
            </ac:structured-macro>
            {{#if dashboard}}
            <p>See <a href="{{dashboard}}">the dashboard</a> or <a href="https://status.example">status</a>.</p>
            {{/if}}
            {{#unless regions}}
            <p>No regions.</p>
            {{else}}
            <p>Runs in {{regions | join}}; first step:</p>
            <ul>
              {{#each regions}}
              <li><code>{{this}}</code>, <em>{{this | upper}}</em></li>
              {{/each}}
            </ul>
            {{/unless}}
            {{#if owners}}
            <table><tbody>
              <tr><th>Name</th><th>E-mail</th></tr>
              {{#each owners}}
              <tr><td><strong>{{name}}</strong></td><td>{{email | link}}</td></tr>
              {{/each}}
            </tbody></table>
            {{/if}}
            {{#each owners}}
            <h2>Owner {{name}}</h2>
            {{/each}}
            {{#if diagram | attached}}
            <ac:image ac:alt="Diagram of {{service}}"><ri:attachment ri:filename="{{diagram}}" /></ac:image>
            {{/if}}
            {{#if runCommand}}
            <ac:structured-macro ac:name="code">
              <ac:parameter ac:name="language">bash</ac:parameter>
              <ac:plain-text-body><![CDATA[{{runCommand}}]]></ac:plain-text-body>
            </ac:structured-macro>
            {{/if}}
            <ac:structured-macro ac:name="warning">
              <ac:rich-text-body>
                <p>Do not edit by hand. Page {{page.title}} in {{page.space}}, {{template.id}} {{template.version}}.</p>
              </ac:rich-text-body>
            </ac:structured-macro>
            """;

    private static final String HOSTILE = "]]><ac:structured-macro ac:name=\"html\"><![CDATA[<script>\"x\" & 'y'</script>]]>";

    @Test
    void a_storage_format_template_with_every_construct_renders_the_expected_storage() {
        DeclarativeTemplate template = DeclarativeTemplates.fromText("template.yaml", DESCRIPTOR, "body.xml", BODY);

        String body = template.render(EVERY_VALUE, CONTEXT);

        StorageFormatValidator.validate(body);
        assertThat(StorageCanonicalForm.of(body)).isEqualTo(StorageCanonicalForm.of(EVERY_CONSTRUCT_RENDERED));
    }

    @Test
    void absent_inputs_leave_their_sections_out_and_defaults_fill_in() {
        DeclarativeTemplate template = DeclarativeTemplates.fromText("template.yaml", DESCRIPTOR, "body.xml", BODY);

        String body = template.render(new TemplateInputs(Map.of("service", "Checkout")), CONTEXT);

        assertThat(body).contains("<ac:parameter ac:name=\"title\">HEALTHY</ac:parameter>", "<p>No regions.</p>")
                .doesNotContain("Replicas", "<table>", "<h2>", "<ac:image", "ac:name=\"code\"", "dashboard");
    }

    @Test
    void a_value_is_escaped_for_element_text_for_an_attribute_and_for_cdata() {
        String source = "<p title=\"{{runCommand}}\">{{runCommand}}</p><ac:structured-macro ac:name=\"code\"><ac:plain-text-body>"
                + "<![CDATA[run {{runCommand}}]]></ac:plain-text-body></ac:structured-macro>";

        String body = render(source, Map.of("runCommand", HOSTILE));

        assertThat(body).isEqualTo("<p title=\"]]&gt;&lt;ac:structured-macro ac:name=&quot;html&quot;&gt;&lt;![CDATA[&lt;script&gt;"
                + "&quot;x&quot; &amp; &apos;y&apos;&lt;/script&gt;]]&gt;\">]]&gt;&lt;ac:structured-macro ac:name=\"html\"&gt;"
                + "&lt;![CDATA[&lt;script&gt;\"x\" &amp; 'y'&lt;/script&gt;]]&gt;</p><ac:structured-macro ac:name=\"code\">"
                + "<ac:plain-text-body><![CDATA[run ]]]]><![CDATA[><ac:structured-macro ac:name=\"html\"><]]><![CDATA[![CDATA["
                + "<script>\"x\" & 'y'</script>]]]]><![CDATA[>]]></ac:plain-text-body></ac:structured-macro>");
        Element root = parse(body);
        assertThat(root.getElementsByTagName("*").getLength()).isEqualTo(3);
        Element paragraph = (Element) root.getElementsByTagName("p").item(0);
        assertThat(paragraph.getAttribute("title")).isEqualTo(HOSTILE);
        assertThat(paragraph.getTextContent()).isEqualTo(HOSTILE);
        assertThat(root.getElementsByTagName("ac:plain-text-body").item(0).getTextContent()).isEqualTo("run " + HOSTILE);
    }

    @Test
    void the_authors_markup_and_text_are_kept_as_written_and_quoted_text_is_read_as_xml_text() {
        String source = "<p class='note'>R&amp;D&#160;{{\"&lt;b&gt; &amp; more\"}} <ac:emoticon ac:name=\"smile\" /></p>";

        assertThat(render(source, Map.of())).isEqualTo("<p class='note'>R&amp;D&#160;&lt;b&gt; &amp; more <ac:emoticon ac:name=\"smile\" /></p>");
    }

    @Test
    void a_url_attribute_made_with_a_value_keeps_only_http_https_mailto_and_relative_links() {
        String source = "{{#each regions}}<a href=\"{{this}}\">x</a>{{/each}}<ac:link><ri:url ri:value=\"{{dashboard}}\" /></ac:link>";

        String body = render(source, Map.of("regions", List.of("https://a.example/?q=1&r=2", "mailto:ada@example.com", "/wiki/x",
                "javascript:alert(1)", "java\tscript:alert(1)", " JavaScript:alert(1)", "data:text/html,<b>"), "dashboard", "vbscript:x"));

        assertThat(body).isEqualTo("<a href=\"https://a.example/?q=1&amp;r=2\">x</a><a href=\"mailto:ada@example.com\">x</a>"
                + "<a href=\"/wiki/x\">x</a><a href=\"\">x</a><a href=\"\">x</a><a href=\"\">x</a><a href=\"\">x</a>"
                + "<ac:link><ri:url ri:value=\"\" /></ac:link>");
    }

    @Test
    void a_paragraphs_value_alone_between_blocks_becomes_paragraphs() {
        String source = "<h2>Notes</h2>\n{{runCommand | paragraphs}}\n<ac:structured-macro ac:name=\"note\"><ac:rich-text-body>\n"
                + "  {{runCommand | paragraphs}}\n</ac:rich-text-body></ac:structured-macro>";

        String body = render(source, Map.of("runCommand", "One <line>\nand two.\n\nAnother."));

        assertThat(StorageCanonicalForm.of(body)).isEqualTo(StorageCanonicalForm.of("<h2>Notes</h2><p>One &lt;line&gt;<br />and two.</p>"
                + "<p>Another.</p><ac:structured-macro ac:name=\"note\"><ac:rich-text-body><p>One &lt;line&gt;<br />and two.</p>"
                + "<p>Another.</p></ac:rich-text-body></ac:structured-macro>"));
    }

    @Test
    void directives_in_text_attributes_and_cdata_choose_and_repeat_text() {
        String source = "<p class=\"{{#if state}}state-{{state | lower}}{{else}}none{{/if}}\">{{#each regions}}[{{this}}]{{/each}}</p>"
                + "<ac:plain-text-body><![CDATA[\n{{#each regions}}\ndeploy {{this | shell}}\n{{/each}}\n]]></ac:plain-text-body>";

        String body = render(source, Map.of("regions", List.of("eu-west-1", "us-east-1")));

        assertThat(body).isEqualTo("<p class=\"state-healthy\">[eu-west-1][us-east-1]</p>"
                + "<ac:plain-text-body><![CDATA[\ndeploy 'eu-west-1'\ndeploy 'us-east-1'\n]]></ac:plain-text-body>");
    }

    @Test
    void placeholders_where_no_escaping_is_safe_are_refused_naming_file_line_and_column() {
        String source = """
                <{{service}}>x</{{service}}>
                <p data-{{service}}="x">y</p>
                <p class="a" {{#if service}}id="b"{{/if}}>z</p>
                <!-- {{service}} -->
                <ac:structured-macro ac:name="{{service}}" />
                <a onclick="{{service}}">x</a>
                <p title={{service}}>x</p>
                """;

        assertThatThrownBy(() -> DeclarativeTemplates.fromText("template.yaml", DESCRIPTOR, "body.xml", source))
                .isInstanceOf(TemplateDefinitionException.class)
                .satisfies(e -> assertThat(((TemplateDefinitionException) e).problems()).extracting(TemplateProblem::toString)
                        .containsExactly(
                                "body.xml:1:2: a placeholder cannot stand in a tag name",
                                "body.xml:1:17: a placeholder cannot stand in an end tag",
                                "body.xml:2:9: a placeholder cannot stand in an attribute name",
                                "body.xml:3:14: a placeholder cannot stand between attributes: it would write markup, not a value",
                                "body.xml:3:35: a placeholder cannot stand between attributes: it would write markup, not a value",
                                "body.xml:4:6: a placeholder cannot stand in a comment, whose text cannot be escaped",
                                "body.xml:7:10: a placeholder cannot stand in an attribute value without quotes"));
    }

    @Test
    void placeholders_that_would_choose_a_macro_or_write_raw_html_are_refused() {
        String source = """
                <ac:structured-macro ac:name="{{service}}" />
                <a onclick="x({{service}})">x</a>
                <ac:structured-macro ac:name="html"><ac:plain-text-body><![CDATA[<b>{{service}}</b>]]></ac:plain-text-body></ac:structured-macro>
                """;

        assertThatThrownBy(() -> DeclarativeTemplates.fromText("template.yaml", DESCRIPTOR, "body.xml", source))
                .isInstanceOf(TemplateDefinitionException.class)
                .satisfies(e -> assertThat(((TemplateDefinitionException) e).problems()).extracting(TemplateProblem::toString)
                        .containsExactly(
                                "body.xml:1:31: a placeholder cannot stand in ac:name: a value must not choose the macro or parameter",
                                "body.xml:2:15: a placeholder cannot stand in the event handler attribute onclick",
                                "body.xml:3:1: the html macro is not allowed: its body would be raw HTML on the page"));
    }

    @Test
    void a_rich_filter_in_an_attribute_or_cdata_is_refused_when_the_template_loads() {
        String source = """
                <p title="{{state | status}}">x</p>
                <ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[{{service | link}}]]></ac:plain-text-body></ac:structured-macro>
                """;

        assertThatThrownBy(() -> DeclarativeTemplates.fromText("template.yaml", DESCRIPTOR, "body.xml", source))
                .isInstanceOf(TemplateDefinitionException.class)
                .satisfies(e -> assertThat(((TemplateDefinitionException) e).problems()).extracting(TemplateProblem::toString)
                        .containsExactly(
                                "body.xml:1:11: the status filter makes rich content and cannot stand in an attribute",
                                "body.xml:2:66: the link filter makes rich content and cannot stand in a CDATA section"));
    }

    @Test
    void a_script_element_or_an_html_macro_in_the_body_is_refused_when_the_template_loads() {
        String source = """
                <p>{{service}}</p>
                <script>alert(1)</script>
                <div><ac:structured-macro ac:name="HTML"><ac:plain-text-body><![CDATA[<b>x</b>]]></ac:plain-text-body></ac:structured-macro></div>
                """;

        assertThatThrownBy(() -> DeclarativeTemplates.fromText("template.yaml", DESCRIPTOR, "body.xml", source))
                .isInstanceOf(TemplateDefinitionException.class)
                .satisfies(e -> assertThat(((TemplateDefinitionException) e).problems()).extracting(TemplateProblem::toString)
                        .containsExactly(
                                "body.xml:2:1: a script element is not allowed: a page must not run scripts",
                                "body.xml:3:6: the html macro is not allowed: its body would be raw HTML on the page"));
    }

    @Test
    void a_body_that_is_not_well_formed_storage_format_is_reported_where_the_parser_stopped() {
        assertThatThrownBy(() -> DeclarativeTemplates.fromText("template.yaml", DESCRIPTOR, "body.xml",
                "<h1>{{service}}</h1>\n<p>Caf&eacute; <strong>{{state}}</p>\n"))
                .isInstanceOf(TemplateDefinitionException.class)
                .hasMessageMatching("body\\.xml:2:\\d+: not well-formed storage format: the entity &eacute; is not allowed.*");
        assertThatThrownBy(() -> DeclarativeTemplates.fromText("template.yaml", DESCRIPTOR, "body.xml",
                "<h1>{{service}}</h1>\n<p><strong>{{state}}</p>\n"))
                .isInstanceOf(TemplateDefinitionException.class)
                .hasMessageMatching("body\\.xml:2:\\d+: not well-formed storage format: .*strong.*");
    }

    @Test
    void a_bad_body_is_reported_at_file_line_and_column_with_every_problem() {
        String source = """
                <h1>{{servce}}</h1>
                <p>{{#if service}}open</p>
                <p>{{/if}}</p>
                {{#each owners}}<p>{{name}} {{email | shout}}</p>{{/each}}
                <p>{{name}} {{notes | paragraphs}}</p>
                {{#each regions}}
                """;

        assertThatThrownBy(() -> DeclarativeTemplates.fromText("template.yaml", DESCRIPTOR, "body.xml", source))
                .isInstanceOf(TemplateDefinitionException.class)
                .satisfies(e -> assertThat(((TemplateDefinitionException) e).problems()).extracting(TemplateProblem::toString)
                        .containsExactly(
                                "body.xml:1:5: 'servce' is not an input of this template",
                                "body.xml:2:4: {{#if}} is not closed with {{/if}} before </p> at line 2, column 23",
                                "body.xml:3:4: {{/if}} closes nothing",
                                "body.xml:4:29: 'shout' is not a filter; the filters are attached, code, count, distinct, emphasis,"
                                        + " join, lines, link, link-or-code, lower, many, paragraphs, shell, status, strong, upper,"
                                        + " weburl",
                                "body.xml:5:4: 'name' is not an input of this template",
                                "body.xml:5:13: 'notes' is not an input of this template",
                                "body.xml:5:13: {{notes | paragraphs}} makes paragraphs: it must stand alone on its own line between"
                                        + " blocks (not in a paragraph or heading)",
                                "body.xml:6:1: {{#each}} is not closed with {{/each}}"));
    }

    @Test
    void a_directive_closed_in_another_element_than_it_opened_in_is_refused() {
        String source = "<div>{{#if service}}<p>a</p></div>\n<div>{{/if}}</div>\n<p>{{#each regions}}<b>{{this}}{{/each}}</b></p>\n";

        assertThatThrownBy(() -> DeclarativeTemplates.fromText("template.yaml", DESCRIPTOR, "body.xml", source))
                .isInstanceOf(TemplateDefinitionException.class)
                .satisfies(e -> assertThat(((TemplateDefinitionException) e).problems()).extracting(TemplateProblem::toString)
                        .contains("body.xml:1:6: {{#if}} is not closed with {{/if}} before </div> at line 1, column 29",
                                "body.xml:3:32: {{/each}} must stand in the same element as the {{#each}} at line 3, column 4,"
                                        + " so that it holds whole elements"));
    }

    @Test
    void loads_a_folder_whose_body_is_body_xml_and_keeps_reporting_its_file(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("service-overview"));
        Files.writeString(folder.resolve("template.yaml"), DESCRIPTOR);
        Files.writeString(folder.resolve("body.xml"), BODY);

        assertThat(StorageCanonicalForm.of(DeclarativeTemplates.load(folder).render(EVERY_VALUE, CONTEXT)))
                .isEqualTo(StorageCanonicalForm.of(EVERY_CONSTRUCT_RENDERED));

        Files.writeString(folder.resolve("body.xml"), "<p>ok</p>\n<p>{{#if service}}</p>\n");
        assertThatThrownBy(() -> DeclarativeTemplates.load(folder))
                .hasMessage(folder.toAbsolutePath() + "/body.xml:2:4: {{#if}} is not closed with {{/if}} before </p> at line 2,"
                        + " column 19");
    }

    @Test
    void the_descriptor_names_a_markdown_or_a_storage_format_body() {
        String named = DESCRIPTOR.replace("title: \"{service}\"", "title: \"{service}\"\nbody: overview.xml");

        assertThat(DeclarativeTemplates.fromText("template.yaml", named, "overview.xml", "<p>{{service}}</p>")
                .render(new TemplateInputs(Map.of("service", "a<b")), CONTEXT)).isEqualTo("<p>a&lt;b</p>");
        assertThatThrownBy(() -> DeclarativeTemplates.fromText("template.yaml", named.replace("overview.xml", "overview.html"),
                "overview.html", "<p/>"))
                .hasMessage("template.yaml:6:7: body must name a Markdown file (.md) or a storage-format file (.xml) beside the"
                        + " descriptor, not 'overview.html'");
    }

    private static String render(String source, Map<String, Object> inputs) {
        return DeclarativeTemplates.fromText("template.yaml", DESCRIPTOR, "body.xml", source).render(new TemplateInputs(inputs), CONTEXT);
    }

    private static Element parse(String body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader("<root xmlns:ac=\"http://atlassian.com/content\""
                    + " xmlns:ri=\"http://atlassian.com/resource/identifier\">" + body + "</root>"))).getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("not well-formed: " + body, e);
        }
    }
}
