package ai.askel.confluence.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PageLabelsTest {

    private static Set<Label> labels(String... names) {
        return java.util.Arrays.stream(names).map(Label::of).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void adding_answers_only_the_labels_that_were_not_there() {
        PageLabels page = PageLabels.of(labels("runbook", "prod"));

        Set<Label> added = page.add(List.of(Label.of("prod"), Label.of("eu"), Label.of("eu")));

        assertThat(added).containsExactly(Label.of("eu"));
        assertThat(page.asSet()).containsExactly(Label.of("eu"), Label.of("prod"), Label.of("runbook"));
    }

    @Test
    void adding_again_is_idempotent() {
        PageLabels page = PageLabels.none();
        page.add(labels("a", "b"));

        assertThat(page.add(labels("a", "b"))).isEmpty();
        assertThat(page.size()).isEqualTo(2);
    }

    @Test
    void comparison_is_case_insensitive_as_in_confluence() {
        PageLabels page = PageLabels.of(labels("Runbook"));

        assertThat(page.add(List.of(Label.of("RUNBOOK")))).isEmpty();
        assertThat(page.contains(Label.of("RunBook"))).isTrue();
        assertThat(page.remove(Label.of("RUNBOOK"))).isTrue();
        assertThat(page.size()).isZero();
    }

    @Test
    void removing_an_absent_label_is_a_no_op() {
        PageLabels page = PageLabels.of(labels("a"));

        assertThat(page.remove(Label.of("b"))).isFalse();
        assertThat(page.asSet()).containsExactly(Label.of("a"));
    }

    @Test
    void missing_answers_the_wanted_labels_the_page_lacks() {
        PageLabels page = PageLabels.of(labels("a", "b"));

        assertThat(page.missing(labels("B", "c", "d"))).containsExactly(Label.of("c"), Label.of("d"));
        assertThat(page.missing(labels("a"))).isEmpty();
        assertThat(page.size()).as("missing changes nothing").isEqualTo(2);
    }

    @Test
    void the_sets_handed_out_are_snapshots_that_cannot_be_changed() {
        PageLabels page = PageLabels.of(labels("a"));
        Set<Label> snapshot = page.asSet();
        page.add(labels("b"));

        assertThat(snapshot).containsExactly(Label.of("a"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> snapshot.add(Label.of("c")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void equal_when_they_hold_the_same_labels() {
        assertThat(PageLabels.of(labels("A", "b"))).isEqualTo(PageLabels.of(labels("a", "B")))
                .hasSameHashCodeAs(PageLabels.of(labels("a", "b"))).isNotEqualTo(PageLabels.none());
    }
}
