package ai.askel.confluence.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.domain.storage.InvalidStorageFormatException;
import org.junit.jupiter.api.Test;

class PageBodyTest {

    @Test
    void a_well_formed_storage_body_is_accepted() {
        PageBody body = PageBody.storage("<p>Hello <ac:structured-macro ac:name=\"status\"/></p>");

        assertThat(body.representation()).isEqualTo(BodyRepresentation.STORAGE);
        assertThat(body.value()).startsWith("<p>Hello");
    }

    @Test
    void a_storage_body_that_confluence_would_reject_never_gets_made() {
        assertThatThrownBy(() -> PageBody.storage("<p>unclosed"))
                .isInstanceOfSatisfying(InvalidStorageFormatException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_STORAGE_FORMAT));
        assertThatThrownBy(() -> PageBody.storage("<p>a&nbsp;b</p>")).isInstanceOf(InvalidStorageFormatException.class);
    }

    @Test
    void wiki_markup_is_not_parsed_as_xml() {
        PageBody body = PageBody.wiki("h1. Title\n<not xml & fine>");

        assertThat(body.representation()).isEqualTo(BodyRepresentation.WIKI);
        assertThat(body.value()).isEqualTo("h1. Title\n<not xml & fine>");
    }

    @Test
    void an_empty_body_is_allowed_but_a_missing_one_is_not() {
        assertThat(PageBody.storage("").value()).isEmpty();
        assertThatThrownBy(() -> PageBody.storage(null)).isInstanceOf(InvalidInputException.class).hasMessage("body.value: is required");
    }

    @Test
    void the_size_cap_counts_utf8_bytes_and_leaves_room_below_5_mb() {
        assertThat(PageBody.MAX_BYTES).isLessThan(5 * 1024 * 1024);
        assertThat(PageBody.wiki("a".repeat(PageBody.MAX_BYTES)).value()).hasSize(PageBody.MAX_BYTES);

        // two bytes per character in UTF-8: half as many characters already exceed the cap
        String wide = "é".repeat(PageBody.MAX_BYTES / 2 + 1);
        assertThatThrownBy(() -> PageBody.wiki(wide))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("body.value: is %d bytes; Confluence accepts requests of at most 5 MB".formatted(wide.length() * 2));

        // three bytes per character, the most one UTF-16 character takes: a third of the cap fits, one more does not
        assertThat(PageBody.wiki("€".repeat(PageBody.MAX_BYTES / 3)).value()).hasSize(PageBody.MAX_BYTES / 3);
        assertThatThrownBy(() -> PageBody.wiki("€".repeat(PageBody.MAX_BYTES / 3 + 1))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void the_size_cap_applies_to_storage_bodies_before_parsing() {
        String huge = "<p>" + "a".repeat(PageBody.MAX_BYTES) + "</p>";

        assertThatThrownBy(() -> PageBody.storage(huge))
                .isInstanceOf(InvalidInputException.class)
                .isNotInstanceOf(InvalidStorageFormatException.class)
                .hasMessageContaining("at most 5 MB");
    }

    @Test
    void representation_wire_names_round_trip() {
        assertThat(BodyRepresentation.fromWireName(" Storage ")).isEqualTo(BodyRepresentation.STORAGE);
        assertThat(BodyRepresentation.fromWireName("wiki")).isEqualTo(BodyRepresentation.WIKI);
        assertThat(BodyRepresentation.fromWireName("markdown")).isEqualTo(BodyRepresentation.MARKDOWN);
        assertThat(BodyRepresentation.MARKDOWN.isConvertedLocally()).isTrue();
        assertThat(BodyRepresentation.STORAGE.isConvertedLocally()).isFalse();
        assertThatThrownBy(() -> BodyRepresentation.fromWireName("atlas_doc_format"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("body.representation: 'atlas_doc_format' is not supported: use 'storage', 'wiki' or 'markdown'");
    }

    @Test
    void to_string_shows_the_size_not_the_content() {
        assertThat(PageBody.storage("<p>secret plan</p>")).hasToString("PageBody[storage, 18 chars]");
    }
}
