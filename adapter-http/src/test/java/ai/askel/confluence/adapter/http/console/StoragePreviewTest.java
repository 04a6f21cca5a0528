package ai.askel.confluence.adapter.http.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoragePreviewTest {
    @Test
    void plain_elements_and_http_links_pass_and_text_is_escaped() {
        String html = StoragePreview.toHtml("<h1>Crestview &amp; co</h1><p>See <a href=\"https://api.example\">the API</a>&nbsp;now</p>");

        assertThat(html).isEqualTo("<h1>Crestview &amp; co</h1><p>See <a rel=\"noopener noreferrer\" href=\"https://api.example\">the API</a>\u00a0now</p>");
    }

    @Test
    void scripts_handlers_and_javascript_links_never_pass() {
        String html = StoragePreview.toHtml("<p onclick=\"x()\">a</p><script>alert(1)</script><img src=\"x\" onerror=\"alert(2)\"/>"
                + "<a href=\"javascript:alert(3)\">link</a><iframe src=\"https://evil.example\"></iframe>");

        assertThat(html).doesNotContain("<script", "onclick", "onerror", "<img", "javascript:", "<iframe").contains("alert(1)");
    }

    @Test
    void macros_become_neutral_boxes_naming_their_parameters_and_attachments() {
        String html = StoragePreview.toHtml("<ac:structured-macro ac:name=\"status\"><ac:parameter ac:name=\"title\">LIVE</ac:parameter>"
                + "</ac:structured-macro><ac:image><ri:attachment ri:filename=\"d&quot;&lt;x&gt;.png\"/></ac:image>");

        assertThat(html).contains("macro-status").contains("title: LIVE").contains("[image: d&quot;&lt;x&gt;.png]");
    }

    @Test
    void what_cannot_be_parsed_is_shown_as_escaped_source() {
        assertThat(StoragePreview.toHtml("<p>unclosed <b>bold</p>&bogus;<script>")).startsWith("<pre class=\"storage-source\">")
                .contains("&lt;script&gt;").doesNotContain("<script>");
    }
}
