package ai.askel.confluence.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TargetTest {

    @Test
    void at_most_is_met_up_to_and_including_the_bound() {
        Target target = Target.atMost(2, "minimum");

        assertThat(target.met(2)).isTrue();
        assertThat(target.met(2.01)).isFalse();
        assertThat(target.describe("calls")).isEqualTo("≤ 2 calls (minimum)");
    }

    @Test
    void at_least_is_met_from_the_bound_up() {
        Target target = Target.atLeast(50.5, "half the floor");

        assertThat(target.met(50.5)).isTrue();
        assertThat(target.met(50)).isFalse();
        assertThat(target.describe("MiB/s")).isEqualTo("≥ 50.5 MiB/s (half the floor)");
    }

    @Test
    void a_figure_without_a_target_never_misses() {
        assertThat(new Figure("s", "n", 1e9, "", Optional.empty(), "").misses()).isFalse();
        assertThat(new Figure("s", "n", 3, "", Optional.of(Target.atMost(2, "")), "").misses()).isTrue();
    }
}
