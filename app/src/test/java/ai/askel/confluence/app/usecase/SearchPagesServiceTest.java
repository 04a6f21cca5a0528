package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.CqlQuery;
import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PageSummary;
import ai.askel.confluence.domain.Slice;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.ports.in.ConnectionRef;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchPagesServiceTest {
    private final UseCaseFixture f = new UseCaseFixture();
    private final ConnectionRef ref = f.connection();
    private final SearchPagesService service = new SearchPagesService(f.lookup, f.confluence);

    @Test
    void one_page_of_results_carries_the_cursor_of_the_next() {
        for (int i = 0; i < 3; i++) {
            f.confluence.seedPage("OPS", "Page " + i, Optional.empty(), "<p/>");
        }
        CqlQuery query = CqlQuery.builder().space(SpaceKey.of("OPS")).build();

        Slice<PageSummary> first = service.search(ref, query, 2, Optional.empty());
        Slice<PageSummary> second = service.search(ref, query, 2, first.nextCursor());

        assertThat(first.items()).hasSize(2);
        assertThat(second.items()).extracting(p -> p.title().value()).containsExactly("Page 2");
        assertThat(second.nextCursor()).isEmpty();
    }

    @Test
    void search_all_fetches_pages_of_results_lazily() {
        for (int i = 0; i < SearchPagesService.STREAM_PAGE_SIZE * 2 + 5; i++) {
            f.confluence.seedPage("OPS", "Page " + i, Optional.empty(), "<p/>");
        }
        CqlQuery query = CqlQuery.builder().space(SpaceKey.of("OPS")).build();

        try (var results = service.searchAll(ref, query)) {
            assertThat(results.limit(3).count()).isEqualTo(3);
        }
        assertThat(f.confluence.calls("search")).as("only the first page was fetched").isEqualTo(1);
        f.confluence.resetCounts();
        try (var results = service.searchAll(ref, query)) {
            assertThat(results.count()).isEqualTo(SearchPagesService.STREAM_PAGE_SIZE * 2 + 5);
        }
        assertThat(f.confluence.calls("search")).isEqualTo(3);
    }

    @Test
    void a_limit_outside_1_to_250_is_refused() {
        CqlQuery query = CqlQuery.builder().space(SpaceKey.of("OPS")).build();

        assertThatThrownBy(() -> service.search(ref, query, 0, Optional.empty())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> service.search(ref, query, 251, Optional.empty())).isInstanceOf(InvalidInputException.class);
        assertThat(f.confluence.calls()).isZero();
    }
}
