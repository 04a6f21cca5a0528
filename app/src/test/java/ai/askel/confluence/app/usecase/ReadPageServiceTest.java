package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.ports.in.ConnectionRef;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadPageServiceTest {
    private final UseCaseFixture f = new UseCaseFixture();
    private final ConnectionRef ref = f.connection();
    private final ReadPageService service = new ReadPageService(f.lookup, f.confluence);

    @Test
    void a_page_is_read_with_its_body_and_version() {
        PageId id = f.confluence.seedPage("OPS", "Notes", Optional.empty(), "<p>hi</p>");

        Page page = service.read(ref, id);

        assertThat(page.body().value()).isEqualTo("<p>hi</p>");
        assertThat(page.version().number().number()).isEqualTo(1);
        assertThat(page.space()).isEqualTo(SpaceKey.of("OPS"));
    }

    @Test
    void an_absent_page_is_not_found() {
        assertThatThrownBy(() -> service.read(ref, PageId.of("999999"))).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("page 999999 not found");
    }
}
