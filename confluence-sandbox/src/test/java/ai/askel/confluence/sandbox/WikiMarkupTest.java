package ai.askel.confluence.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WikiMarkupTest {

    @Test
    void headings_paragraphs_lists_and_bold_become_storage_format() {
        assertThat(WikiMarkup.toStorage("h1. Title\nfirst line\nsecond line\n\nnext *para*\n* a\n* _b_\nh3. End"))
                .isEqualTo("<h1>Title</h1><p>first line<br />second line</p><p>next <strong>para</strong></p>"
                        + "<ul><li>a</li><li><em>b</em></li></ul><h3>End</h3>");
    }

    @Test
    void text_is_escaped_and_the_result_is_well_formed() {
        String storage = WikiMarkup.toStorage("a < b & \"c\" > d\n* 2 * 3 = 6");
        assertThat(storage).isEqualTo("<p>a &lt; b &amp; &quot;c&quot; &gt; d</p><ul><li>2 * 3 = 6</li></ul>");
        assertThat(new StorageFormat().problem(storage)).isEmpty();
    }
}
