package ai.askel.confluence.app.templates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoragePreviewTest {
    @Test
    void links_and_images_keep_only_web_addresses_so_a_preview_runs_no_script() {
        String html = StoragePreview.toHtml("T", """
                <p><a href="javascript:alert(1)">click</a> <a href="https://wiki.example/x?a=1&amp;b=2">site</a> \
                <a href="mailto:ops@example.com">mail</a></p>\
                <ac:image><ri:url ri:value="javascript:alert(2)" /></ac:image>\
                <ac:image><ri:url ri:value="data:text/html,&lt;script&gt;x&lt;/script&gt;" /></ac:image>\
                <ac:image><ri:url ri:value="https://img.example/d.png" /></ac:image>""");

        assertThat(html).doesNotContainIgnoringCase("javascript:").doesNotContainIgnoringCase("data:text")
                .contains("<a>click</a>")
                .contains("<a href=\"https://wiki.example/x?a=1&amp;b=2\">site</a>")
                .contains("<a href=\"mailto:ops@example.com\">mail</a>")
                .contains("src=\"https://img.example/d.png\"");
    }

    @Test
    void text_and_titles_are_escaped() {
        String html = StoragePreview.toHtml("<script>t</script>", "<p>&lt;img src=x onerror=alert(1)&gt;</p>");

        assertThat(html).doesNotContain("<script>").doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(1)&gt;");
    }
}
