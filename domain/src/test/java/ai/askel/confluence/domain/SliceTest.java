package ai.askel.confluence.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SliceTest {

    @Test
    void map_keeps_the_cursor_and_the_items_are_a_copy() {
        List<Integer> items = new ArrayList<>(List.of(1, 2));
        Slice<Integer> slice = new Slice<>(items, Optional.of("next"));
        items.add(3);

        Slice<String> mapped = slice.map(i -> "#" + i);

        assertThat(slice.items()).containsExactly(1, 2);
        assertThat(mapped.items()).containsExactly("#1", "#2");
        assertThat(mapped.nextCursor()).contains("next");
        assertThatThrownBy(() -> slice.items().add(4)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void the_last_slice_has_no_cursor() {
        assertThat(Slice.last(List.of("a")).nextCursor()).isEmpty();
    }
}
