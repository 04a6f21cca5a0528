package ai.askel.confluence.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StorageFormatTest {

    private final StorageFormat format = new StorageFormat();

    @Test
    void confluence_macros_namespaces_and_common_entities_are_well_formed() {
        assertThat(format.problem("<p>a&nbsp;b &mdash; c</p><ac:structured-macro ac:name=\"info\">"
                + "<ac:rich-text-body><p>x</p></ac:rich-text-body></ac:structured-macro>"
                + "<ac:link><ri:page ri:content-title=\"Other\" /></ac:link>")).isEmpty();
        assertThat(format.problem("")).isEmpty();
        assertThat(format.problem("plain text")).isEmpty();
    }

    @Test
    void unclosed_or_mismatched_tags_are_reported_with_a_position() {
        assertThat(format.problem("<p>open")).hasValueSatisfying(p -> assertThat(p).contains("line 1"));
        assertThat(format.problem("<p><b>x</p></b>")).hasValueSatisfying(p -> assertThat(p).contains("b"));
        assertThat(format.problem("<p>a & b</p>")).isPresent();
    }

    @Test
    void doctype_and_external_entities_are_refused() {
        assertThat(format.problem("<!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/hostname\">]><p>&x;</p>"))
                .hasValueSatisfying(p -> assertThat(p).containsIgnoringCase("DOCTYPE"));
    }
}
