package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.ports.in.ConnectionRef;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListChildPagesServiceTest {
    private final UseCaseFixture f = new UseCaseFixture();
    private final ConnectionRef ref = f.connection();
    private final ListChildPagesService service = new ListChildPagesService(f.lookup, f.confluence);

    @Test
    void the_direct_children_are_listed_a_page_at_a_time() {
        PageId parent = f.confluence.seedPage("OPS", "Parent", Optional.empty(), "<p/>");
        PageId child = f.confluence.seedPage("OPS", "Child 1", Optional.of(parent), "<p/>");
        f.confluence.seedPage("OPS", "Child 2", Optional.of(parent), "<p/>");
        f.confluence.seedPage("OPS", "Grandchild", Optional.of(child), "<p/>");

        var first = service.children(ref, parent, 1, Optional.empty());
        var second = service.children(ref, parent, 1, first.nextCursor());

        assertThat(first.items()).extracting(p -> p.title().value()).containsExactly("Child 1");
        assertThat(second.items()).extracting(p -> p.title().value()).containsExactly("Child 2");
        assertThat(second.nextCursor()).isEmpty();
    }

    @Test
    void a_limit_over_250_is_refused_before_any_call() {
        assertThatThrownBy(() -> service.children(ref, PageId.of("1"), 300, Optional.empty())).isInstanceOf(InvalidInputException.class);
        assertThat(f.confluence.calls()).isZero();
    }
}
