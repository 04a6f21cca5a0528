package ai.askel.confluence.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.error.InvalidInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateInputsTest {

    @Test
    void the_inputs_are_a_deep_copy_that_the_caller_cannot_change_afterwards() {
        List<Object> hosts = new ArrayList<>(List.of("web-1"));
        Map<String, Object> nested = new HashMap<>(Map.of("hosts", hosts));
        Map<String, Object> raw = new HashMap<>(Map.of("environment", "prod", "cluster", nested));

        TemplateInputs inputs = new TemplateInputs(raw);
        hosts.add("web-2");
        nested.put("extra", true);
        raw.put("environment", "staging");

        assertThat(inputs.get("environment")).contains("prod");
        assertThat(inputs.values().get("cluster")).isEqualTo(Map.of("hosts", List.of("web-1")));
    }

    @SuppressWarnings("unchecked")
    @Test
    void the_inputs_cannot_be_changed_through_what_they_hand_out() {
        TemplateInputs inputs = new TemplateInputs(Map.of("cluster", Map.of("hosts", List.of("web-1"))));
        Map<String, Object> cluster = (Map<String, Object>) inputs.get("cluster").orElseThrow();
        List<Object> hosts = (List<Object>) cluster.get("hosts");

        assertThatThrownBy(() -> inputs.values().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> cluster.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> hosts.add("web-2")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void whole_numbers_become_longs_and_fractions_big_decimals() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("int", 3);
        raw.put("long", 3L);
        raw.put("short", (short) 3);
        raw.put("byte", (byte) 3);
        raw.put("double", 1.5d);
        raw.put("float", 1.5f);
        raw.put("big", new BigInteger("123456789012345678901234567890"));
        raw.put("decimal", new BigDecimal("0.10"));

        TemplateInputs inputs = new TemplateInputs(raw);

        assertThat(inputs.values()).containsEntry("int", 3L).containsEntry("long", 3L).containsEntry("short", 3L).containsEntry("byte", 3L)
                .containsEntry("double", new BigDecimal("1.5")).containsEntry("float", new BigDecimal("1.5"))
                .containsEntry("big", new BigDecimal("123456789012345678901234567890"))
                .containsEntry("decimal", new BigDecimal("0.10"));
        assertThat(new TemplateInputs(Map.of("n", 3))).isEqualTo(new TemplateInputs(Map.of("n", 3L)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void numbers_that_are_not_finite_are_invalid_input(double value) {
        assertThatThrownBy(() -> new TemplateInputs(Map.of("ratio", value)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("inputs.ratio: ");
    }

    @Test
    void nulls_are_dropped_as_absent() {
        Map<String, Object> raw = new HashMap<>();
        raw.put("owner", null);
        raw.put("hosts", new ArrayList<>(java.util.Arrays.asList("a", null, "b")));

        TemplateInputs inputs = new TemplateInputs(raw);

        assertThat(inputs.get("owner")).isEmpty();
        assertThat(inputs.values()).doesNotContainKey("owner");
        assertThat(inputs.get("hosts")).contains(List.of("a", "b"));
    }

    @Test
    void odd_types_are_refused_with_their_path() {
        assertThatThrownBy(() -> new TemplateInputs(Map.of("when", new Date())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("inputs.when: has a value of a type inputs cannot hold: Date");
        assertThatThrownBy(() -> new TemplateInputs(Map.of("tags", Set.of("a"))))
                .hasMessageContaining("inputs.tags: ");
        assertThatThrownBy(() -> new TemplateInputs(Map.of("list", List.of("a", 'c'))))
                .hasMessageStartingWith("inputs.list[1]: ");
        assertThatThrownBy(() -> new TemplateInputs(Map.of("m", Map.of(1, "one"))))
                .hasMessage("inputs.m: has a key that is not a string");
    }

    @Test
    void nesting_is_limited_which_also_stops_cycles() {
        Map<String, Object> deep = Map.of("v", "leaf");
        for (int i = 0; i < 7; i++) {
            deep = Map.of("d", deep);
        }
        Map<String, Object> okay = deep;
        assertThat(new TemplateInputs(okay).values()).containsKey("d");
        assertThatThrownBy(() -> new TemplateInputs(Map.of("d", Map.of("d", Map.of("d", Map.of("d", Map.of("d", Map.of("d",
                Map.of("d", Map.of("d", Map.of("d", "too deep")))))))))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("nested more than 8 levels deep");

        Map<String, Object> cycle = new HashMap<>();
        cycle.put("self", cycle);
        assertThatThrownBy(() -> new TemplateInputs(cycle)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void empty_has_no_values() {
        assertThat(TemplateInputs.empty().values()).isEmpty();
        assertThat(TemplateInputs.empty().get("anything")).isEmpty();
    }
}
