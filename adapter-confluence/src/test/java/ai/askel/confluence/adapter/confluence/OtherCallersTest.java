package ai.askel.confluence.adapter.confluence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OtherCallersTest {
    private final OtherCallers others = new OtherCallers();

    @Test
    void alone_on_a_site_every_call_in_the_count_is_its_own() {
        answers(1000, 1);

        assertThat(others.allCallers(10)).isEqualTo(10);
    }

    @Test
    void the_others_share_is_what_the_count_fell_beyond_the_own_answers() {
        answers(1000, 3); // two calls of others for each of its own

        assertThat(others.allCallers(10)).isEqualTo(30);
    }

    @Test
    void a_window_keeps_the_last_ones_share_until_it_has_enough_answers_of_its_own() {
        answers(1000, 3);
        answers(1000, 1, OtherCallers.ENOUGH_ANSWERS - 1);
        assertThat(others.allCallers(1)).as("too few answers in the new window").isEqualTo(3);

        answers(1000, 1, OtherCallers.ENOUGH_ANSWERS);
        assertThat(others.allCallers(1)).isEqualTo(1);
    }

    @Test
    void a_window_with_a_handful_of_own_calls_cannot_make_the_share_unbounded() {
        others.counted(false, 100_000);
        for (int i = 1; i <= OtherCallers.ENOUGH_ANSWERS; i++) {
            others.counted(true, 100_000 - 5_000 * i);
        }

        assertThat(others.allCallers(1)).isEqualTo(1 + OtherCallers.MOST_PER_OWN_CALL);
    }

    private void answers(int first, int spentPerAnswer) {
        answers(first, spentPerAnswer, 100);
    }

    /** A new window's first answer, then {@code n} more, the count falling by {@code spentPerAnswer} for each. */
    private void answers(int first, int spentPerAnswer, int n) {
        others.counted(false, first);
        for (int i = 1; i <= n; i++) {
            others.counted(true, first - spentPerAnswer * i);
        }
    }
}
