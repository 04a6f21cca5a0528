package ai.askel.confluence.adapter.confluence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OtherCallersTest {
    private final OtherCallers others = new OtherCallers();

    @Test
    void alone_on_a_site_every_call_in_the_count_is_its_own() {
        answers(1000, 1);

        assertThat(others.callsPerOwnCall()).isEqualTo(1);
    }

    @Test
    void the_others_share_is_what_the_count_fell_beyond_the_own_answers() {
        answers(1000, 3); // two calls of others for each of its own

        assertThat(others.callsPerOwnCall()).isEqualTo(3);
    }

    @Test
    void a_window_keeps_the_last_ones_share_until_it_has_enough_answers_of_its_own() {
        answers(1000, 3);
        answers(1000, 1, OtherCallers.ENOUGH_ANSWERS - 1);
        assertThat(others.callsPerOwnCall()).as("too few answers in the new window").isEqualTo(3);

        answers(1000, 1, OtherCallers.ENOUGH_ANSWERS);
        assertThat(others.callsPerOwnCall()).isEqualTo(1);
    }

    @Test
    void its_own_calls_counted_before_their_answers_came_back_are_not_taken_for_others() {
        others.counted(false, 1000, 0);
        for (int i = 1; i <= OtherCallers.ENOUGH_ANSWERS; i++) {
            // ninety of its calls in flight, all counted already: the count is 90 ahead of its answers
            others.counted(true, 1000 - 90 - i, 90);
        }

        assertThat(others.callsPerOwnCall()).isEqualTo(1);
    }

    @Test
    void a_share_is_forgotten_once_a_window_ends_without_enough_answers_to_confirm_it() {
        answers(1000, 3);
        answers(1000, 1, OtherCallers.ENOUGH_ANSWERS - 1);
        assertThat(others.callsPerOwnCall()).as("carried into the next window").isEqualTo(3);

        others.counted(false, 1000, 0);

        assertThat(others.callsPerOwnCall()).isEqualTo(1);
    }

    @Test
    void a_window_in_which_others_spent_far_more_than_it_caps_their_share() {
        others.counted(false, 100_000, 0);
        for (int i = 1; i <= OtherCallers.ENOUGH_ANSWERS; i++) {
            others.counted(true, 100_000 - 5_000 * i, 0);
        }

        assertThat(others.callsPerOwnCall()).isEqualTo(1 + OtherCallers.MOST_PER_OWN_CALL);
    }

    private void answers(int first, int spentPerAnswer) {
        answers(first, spentPerAnswer, 100);
    }

    /** A new window's first answer, then {@code n} more, the count falling by {@code spentPerAnswer} for each. */
    private void answers(int first, int spentPerAnswer, int n) {
        others.counted(false, first, 0);
        for (int i = 1; i <= n; i++) {
            others.counted(true, first - spentPerAnswer * i, 0);
        }
    }
}
