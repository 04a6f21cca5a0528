package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.*;
import ai.askel.confluence.domain.error.*;
import ai.askel.confluence.ports.in.*;
import ai.askel.confluence.ports.out.*;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The thin listing use cases: spaces, child pages and versions, with their limits. */
class ListingServicesTest {
    private final UseCaseFixture f = new UseCaseFixture();
    private final ConnectionRef ref = f.connection();

    @Test
    void spaces_children_and_versions_are_listed_a_page_at_a_time() {
        PageId parent = f.confluence.seedPage("OPS", "Parent", Optional.empty(), "<p/>");
        f.confluence.seedPage("OPS", "Child 1", Optional.of(parent), "<p/>");
        f.confluence.seedPage("OPS", "Child 2", Optional.of(parent), "<p/>");
        f.confluence.editInConfluence(parent, "<p>v2</p>");

        assertThat(new ListSpacesService(f.lookup, f.confluence).listSpaces(ref, 10, Optional.empty()).items())
                .extracting(Space::key).containsExactly(SpaceKey.of("OPS"));
        Slice<PageSummary> children = new ListChildPagesService(f.lookup, f.confluence).children(ref, parent, 1, Optional.empty());
        assertThat(children.items()).extracting(p -> p.title().value()).containsExactly("Child 1");
        assertThat(children.nextCursor()).isPresent();
        assertThat(new ListPageVersionsService(f.lookup, f.confluence).versions(ref, parent, 10, Optional.empty()).items())
                .extracting(v -> v.number().number()).containsExactly(2, 1);
    }

    @Test
    void limits_are_checked_before_any_call() {
        assertThatThrownBy(() -> new ListSpacesService(f.lookup, f.confluence).listSpaces(ref, 0, Optional.empty()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> new ListChildPagesService(f.lookup, f.confluence).children(ref, PageId.of("1"), 300, Optional.empty()))
                .isInstanceOf(InvalidInputException.class);
        assertThat(f.confluence.calls()).isZero();
    }
}
