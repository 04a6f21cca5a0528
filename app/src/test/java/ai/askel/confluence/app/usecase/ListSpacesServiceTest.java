package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.ports.in.ConnectionRef;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListSpacesServiceTest {
    private final UseCaseFixture f = new UseCaseFixture();
    private final ConnectionRef ref = f.connection();
    private final ListSpacesService service = new ListSpacesService(f.lookup, f.confluence);

    @Test
    void the_visible_spaces_are_listed_a_page_at_a_time() {
        f.confluence.addSpace("DOCS");

        var first = service.listSpaces(ref, 1, Optional.empty());
        var second = service.listSpaces(ref, 1, first.nextCursor());

        assertThat(first.items()).extracting(s -> s.key().value()).containsExactly("OPS");
        assertThat(second.items()).extracting(s -> s.key().value()).containsExactly("DOCS");
        assertThat(second.nextCursor()).isEmpty();
    }

    @Test
    void a_limit_outside_1_to_250_is_refused_before_any_call() {
        assertThatThrownBy(() -> service.listSpaces(ref, 0, Optional.empty()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("limit");
        assertThat(f.confluence.calls()).isZero();
    }
}
