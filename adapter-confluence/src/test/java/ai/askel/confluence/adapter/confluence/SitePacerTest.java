package ai.askel.confluence.adapter.confluence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SitePacerTest {
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static final Duration FOREVER = Duration.ofDays(1);

    private long nanos = 1_000_000_000L;
    private final SitePacer pacer = new SitePacer(Duration.ofMillis(250), Duration.ofSeconds(60), () -> nanos);

    @Test
    void calls_go_at_once_while_confluence_reports_a_comfortable_budget() {
        pacer.observe(answer(200, Map.of("X-RateLimit-Limit", "100", "X-RateLimit-Remaining", "80",
                "X-RateLimit-Reset", NOW.plusSeconds(10).toString())));

        for (int i = 0; i < 59; i++) {
            assertThat(turn(pacer)).isZero();
        }
    }

    @Test
    void below_a_fifth_of_the_budget_the_calls_left_are_spread_until_the_window_resets() {
        pacer.observe(answer(200, Map.of("X-RateLimit-Limit", "100", "X-RateLimit-Remaining", "10",
                "X-RateLimit-Reset", NOW.plusSeconds(10).toString())));

        List<Duration> turns = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            turns.add(turn(pacer));
        }

        assertThat(turns.get(0)).isZero();
        assertThat(turns.get(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(turns.get(9)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
        assertThat(turn(pacer)).as("the budget is spent: the next call waits for the reset").isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void once_the_window_has_reset_calls_go_at_once_again() {
        pacer.observe(answer(200, Map.of("X-RateLimit-Limit", "100", "X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset", NOW.plusSeconds(2).toString())));
        assertThat(turn(pacer)).isEqualTo(Duration.ofSeconds(2));

        nanos += Duration.ofSeconds(2).toNanos();

        assertThat(turn(pacer)).isZero();
    }

    @Test
    void a_429_holds_every_caller_of_the_site_for_its_retry_after_clamped_to_the_longest_wait() {
        pacer.observe(answer(429, Map.of("Retry-After", "3")));
        assertThat(turn(pacer)).isEqualTo(Duration.ofSeconds(3));
        assertThat(turn(pacer)).isEqualTo(Duration.ofSeconds(3));

        pacer.observe(answer(429, Map.of("Retry-After", "9223372036854775807")));
        assertThat(turn(pacer)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void beta_headers_alone_never_slow_anything_down() {
        pacer.observe(answer(429, Map.of("Beta-Retry-After", "30", "X-Beta-RateLimit-Remaining", "0",
                "X-Beta-RateLimit-Reset", NOW.plusSeconds(30).toString())));
        pacer.observe(answer(200, Map.of("Beta-RateLimit", "r=0", "X-Beta-RateLimit-NearLimit", "true")));

        assertThat(turn(pacer)).isZero();
    }

    @Test
    void a_near_limit_flag_without_counts_slows_each_call_for_ten_seconds() {
        pacer.observe(answer(200, Map.of("X-RateLimit-NearLimit", "true")));
        assertThat(turn(pacer)).isEqualTo(Duration.ofMillis(250));

        nanos += Duration.ofSeconds(10).toNanos();

        assertThat(turn(pacer)).isZero();
    }

    @Test
    void within_one_window_the_lower_count_wins_so_a_late_answer_does_not_reopen_the_budget() {
        pacer.observe(answer(200, Map.of("X-RateLimit-Limit", "100", "X-RateLimit-Remaining", "1",
                "X-RateLimit-Reset", NOW.plusSeconds(10).toString())));
        pacer.observe(answer(200, Map.of("X-RateLimit-Limit", "100", "X-RateLimit-Remaining", "50",
                "X-RateLimit-Reset", NOW.plusSeconds(10).toString())));

        assertThat(turn(pacer)).isZero();
        assertThat(turn(pacer)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void the_calls_this_process_has_in_flight_are_taken_off_the_count_confluence_reports() {
        for (int i = 0; i < 5; i++) {
            assertThat(turn(pacer)).isZero();
        }

        // the answer to one of the five: the other four were not counted yet when Confluence counted
        pacer.observe(answer(200, Map.of("X-RateLimit-Limit", "100", "X-RateLimit-Remaining", "15",
                "X-RateLimit-Reset", NOW.plusSeconds(10).toString())));

        assertThat(turnsBeforeTheReset()).isEqualTo(11);
    }

    @Test
    void calls_that_have_ended_no_longer_count_as_in_flight() {
        for (int i = 0; i < 5; i++) {
            turn(pacer);
        }
        for (int i = 0; i < 5; i++) {
            pacer.settled();
        }
        pacer.settled(); // one more than booked changes nothing

        pacer.observe(answer(200, Map.of("X-RateLimit-Limit", "100", "X-RateLimit-Remaining", "15",
                "X-RateLimit-Reset", NOW.plusSeconds(10).toString())));

        assertThat(turnsBeforeTheReset()).isEqualTo(15);
    }

    @Test
    void a_turn_that_would_come_too_late_for_the_caller_is_not_booked_and_spends_nothing() {
        pacer.observe(answer(200, Map.of("X-RateLimit-Limit", "100", "X-RateLimit-Remaining", "10",
                "X-RateLimit-Reset", NOW.plusSeconds(10).toString())));
        assertThat(turn(pacer)).isZero();

        SitePacer.Turn refused = pacer.reserve(Duration.ofMillis(500));

        assertThat(refused.booked()).isFalse();
        assertThat(refused.delay()).as("when the turn would have come").isEqualTo(Duration.ofSeconds(1));
        assertThat(pacer.inFlight()).as("only the first call").isEqualTo(1);
        assertThat(turn(pacer)).as("the refused turn is still free").isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void once_other_callers_are_seen_spending_two_calls_for_each_of_its_own_it_spreads_a_third_of_the_calls_left() {
        int count = 1029;
        pacer.observe(window(count));
        for (int i = 0; i < 333; i++) {
            count -= 3; // its own call and two of others'
            pacer.observe(window(count));
        }

        assertThat(count).isEqualTo(30);
        assertThat(turn(pacer)).isZero();
        assertThat(turn(pacer)).as("30 calls left, 10 of them its own, over 10 s").isEqualTo(Duration.ofSeconds(1));
        assertThat(turnsBeforeTheReset()).as("the rest of its share").isEqualTo(8);
    }

    @Test
    void a_late_answer_from_a_window_that_has_already_reset_changes_nothing() {
        pacer.observe(answer(200, Map.of("X-RateLimit-Limit", "100", "X-RateLimit-Remaining", "10",
                "X-RateLimit-Reset", NOW.plusSeconds(10).toString())));
        assertThat(turn(pacer)).isZero();

        pacer.observe(answer(200, Map.of("X-RateLimit-Limit", "100", "X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset", NOW.minusSeconds(1).toString())));

        assertThat(turn(pacer)).as("still spreading the current window's last ten calls").isEqualTo(Duration.ofSeconds(1));
    }

    private static RateSignal window(int remaining) {
        return answer(200, Map.of("X-RateLimit-Limit", "2000", "X-RateLimit-Remaining", Integer.toString(remaining),
                "X-RateLimit-Reset", NOW.plusSeconds(10).toString()));
    }

    /** How many calls get a turn before the next has to wait for the window's reset, 10 s away. */
    private int turnsBeforeTheReset() {
        int turns = 0;
        while (turn(pacer).compareTo(Duration.ofSeconds(10)) < 0) {
            turns++;
        }
        return turns;
    }

    @Test
    void a_reset_written_to_the_minute_and_unreadable_counts_are_handled() {
        pacer.observe(answer(200, Map.of("X-RateLimit-Limit", "100", "X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset", "2026-12-03T10:01Z")));
        assertThat(turn(pacer)).isEqualTo(Duration.ofSeconds(60));

        SitePacer other = new SitePacer(Duration.ofMillis(250), Duration.ofSeconds(60), () -> nanos);
        other.observe(answer(200, Map.of("X-RateLimit-Remaining", "-5", "X-RateLimit-Reset", "soon")));
        assertThat(turn(other)).isZero();
    }

    private static Duration turn(SitePacer p) {
        return p.reserve(FOREVER).delay();
    }

    private static RateSignal answer(int status, Map<String, String> headers) {
        return RateSignal.of(status, name -> headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null), CLOCK);
    }
}
