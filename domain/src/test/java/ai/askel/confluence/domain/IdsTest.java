package ai.askel.confluence.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.error.InvalidInputException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The connector's own ids (connections, workspaces, runbooks) are canonical lower-case UUIDs. */
class IdsTest {

    static Stream<Arguments> ids() {
        return Stream.of(
                Arguments.of("connectionId", (Function<String, Object>) ConnectionId::of, (Supplier<Object>) ConnectionId::random),
                Arguments.of("workspaceId", (Function<String, Object>) WorkspaceId::of, (Supplier<Object>) WorkspaceId::random),
                Arguments.of("runbookId", (Function<String, Object>) RunbookId::of, (Supplier<Object>) RunbookId::random));
    }

    @ParameterizedTest
    @MethodSource("ids")
    void canonical_uuids_are_kept_and_upper_case_is_normalised(String field, Function<String, Object> of, Supplier<Object> random) {
        assertThat(of.apply("3f2b8c1e-0d4a-4b6f-9e21-5c7d8a9b0c1d")).hasToString("3f2b8c1e-0d4a-4b6f-9e21-5c7d8a9b0c1d");
        assertThat(of.apply("3F2B8C1E-0D4A-4B6F-9E21-5C7D8A9B0C1D")).hasToString("3f2b8c1e-0d4a-4b6f-9e21-5c7d8a9b0c1d")
                .isEqualTo(of.apply("3f2b8c1e-0d4a-4b6f-9e21-5c7d8a9b0c1d"));
    }

    @ParameterizedTest
    @MethodSource("ids")
    void non_canonical_forms_are_rejected(String field, Function<String, Object> of, Supplier<Object> random) {
        // UUID.fromString is lenient about these; the ids must not be, or one id would have many spellings
        for (String bad : new String[] {"1-2-3-4-5", "3f2b8c1e0d4a4b6f9e215c7d8a9b0c1d", "3f2b8c1e-0d4a-4b6f-9e21-5c7d8a9b0c1d ",
                "not-a-uuid", "{3f2b8c1e-0d4a-4b6f-9e21-5c7d8a9b0c1d}"}) {
            assertThatThrownBy(() -> of.apply(bad))
                    .as(bad)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith(field + ": ")
                    .hasMessageContaining("is not a valid id");
        }
        assertThatThrownBy(() -> of.apply(" ")).isInstanceOf(InvalidInputException.class).hasMessage(field + ": is required");
    }

    @ParameterizedTest
    @MethodSource("ids")
    void random_ids_are_canonical_and_distinct(String field, Function<String, Object> of, Supplier<Object> random) {
        Object first = random.get();
        Object second = random.get();

        assertThat(first).isNotEqualTo(second);
        assertThat(of.apply(first.toString())).isEqualTo(first);
        assertThat(first.toString()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }
}
