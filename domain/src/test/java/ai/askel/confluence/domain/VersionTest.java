package ai.askel.confluence.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VersionTest {

    @Test
    void the_first_version_is_one() {
        assertThat(Version.FIRST).isEqualTo(Version.of(1));
        assertThat(Version.FIRST).hasToString("1");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void versions_are_positive(int number) {
        assertThatThrownBy(() -> Version.of(number))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("version: must be a positive number, was " + number);
    }

    @Test
    void next_is_one_more() {
        assertThat(Version.of(7).next()).isEqualTo(Version.of(8));
        assertThat(Version.FIRST.next().next().number()).isEqualTo(3);
    }

    @Test
    void next_never_wraps_around() {
        assertThatThrownBy(() -> Version.of(Integer.MAX_VALUE).next()).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void versions_are_ordered_by_number() {
        List<Version> versions = new ArrayList<>(List.of(Version.of(10), Version.of(2), Version.of(9), Version.FIRST));
        versions.sort(null);

        assertThat(versions).containsExactly(Version.FIRST, Version.of(2), Version.of(9), Version.of(10));
        assertThat(Version.of(3).isAfter(Version.of(2))).isTrue();
        assertThat(Version.of(3).isAfter(Version.of(3))).isFalse();
        assertThat(Version.of(2).isAfter(Version.of(3))).isFalse();
        assertThat(Version.of(3).compareTo(Version.of(3))).isZero();
    }
}
