package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.ports.in.ConnectionRef;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListPageVersionsServiceTest {
    private final UseCaseFixture f = new UseCaseFixture();
    private final ConnectionRef ref = f.connection();
    private final ListPageVersionsService service = new ListPageVersionsService(f.lookup, f.confluence);

    @Test
    void versions_are_listed_newest_first() {
        PageId page = f.confluence.seedPage("OPS", "Notes", Optional.empty(), "<p>1</p>");
        f.confluence.editInConfluence(page, "<p>2</p>");
        f.confluence.editInConfluence(page, "<p>3</p>");

        assertThat(service.versions(ref, page, 10, Optional.empty()).items()).extracting(v -> v.number().number()).containsExactly(3, 2, 1);
    }

    @Test
    void a_limit_below_1_is_refused_before_any_call() {
        assertThatThrownBy(() -> service.versions(ref, PageId.of("1"), 0, Optional.empty())).isInstanceOf(InvalidInputException.class);
        assertThat(f.confluence.calls()).isZero();
    }
}
