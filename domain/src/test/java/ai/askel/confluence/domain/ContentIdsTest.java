package ai.askel.confluence.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.error.InvalidInputException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Confluence's own ids: {@link PageId}, {@link SpaceId} (positive 64-bit numbers) and {@link AttachmentId}. */
class ContentIdsTest {

    static Stream<Arguments> numericIds() {
        return Stream.of(
                Arguments.of("pageId", (Function<String, Object>) PageId::of),
                Arguments.of("spaceId", (Function<String, Object>) SpaceId::of));
    }

    @ParameterizedTest
    @MethodSource("numericIds")
    void numeric_ids_accept_positive_numbers_up_to_long_max(String field, Function<String, Object> make) {
        assertThat(make.apply("1")).hasToString("1");
        assertThat(make.apply("98765")).hasToString("98765");
        assertThat(make.apply(Long.toString(Long.MAX_VALUE))).hasToString(Long.toString(Long.MAX_VALUE));
    }

    @ParameterizedTest
    @MethodSource("numericIds")
    void numeric_ids_reject_what_is_not_a_positive_number(String field, Function<String, Object> make) {
        for (String bad : new String[] {"0", "-1", "012", "12a", "1 2", " 12", "1e3", "att12"}) {
            assertThatThrownBy(() -> make.apply(bad))
                    .as(bad)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith(field + ": ")
                    .hasMessageContaining("must be a positive number");
        }
        assertThatThrownBy(() -> make.apply(null)).isInstanceOf(InvalidInputException.class).hasMessage(field + ": is required");
    }

    @ParameterizedTest
    @MethodSource("numericIds")
    void numeric_ids_reject_numbers_beyond_64_bits(String field, Function<String, Object> make) {
        assertThatThrownBy(() -> make.apply("9223372036854775808"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("too large");
    }

    @ParameterizedTest
    @ValueSource(strings = {"att123", "123", "att9223372036854775807"})
    void attachment_ids_take_both_the_v1_and_v2_forms(String id) {
        assertThat(new AttachmentId(id)).hasToString(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"att", "att0", "ATT12", "att-1", "12att", "att12 ", "../12"})
    void attachment_ids_reject_other_shapes(String id) {
        assertThatThrownBy(() -> new AttachmentId(id))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("attachmentId: ")
                .hasMessageContaining("is not a Confluence attachment id");
    }

    @Test
    void ids_of_the_same_value_are_equal() {
        assertThat(PageId.of("42")).isEqualTo(new PageId("42")).isNotEqualTo(PageId.of("43"));
        assertThat(SpaceId.of("42")).isEqualTo(new SpaceId("42"));
    }
}
