package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PageBody;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.error.ConflictException;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.CreatePageCommand;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreatePageServiceTest {
    private final UseCaseFixture f = new UseCaseFixture();
    private final ConnectionRef ref = f.connection();
    private final CreatePageService service = new CreatePageService(f.lookup, f.confluence, f.confluence.labels, f.audit,
            ai.askel.confluence.plugins.declarative.MarkdownToStorage::convert);

    @Test
    void a_page_is_created_and_its_labels_added_in_one_call() {
        Page page = service.create(new CreatePageCommand(ref, SpaceKey.of("OPS"), Title.of("Notes"), Optional.empty(),
                PageBody.storage("<p>hi</p>"), Set.of(Label.of("One"), Label.of("two"))));

        assertThat(f.confluence.callLog()).containsExactly("pages.create", "labels.add");
        assertThat(page.labels()).extracting(Label::name).containsExactly("one", "two");
        assertThat(f.confluence.page(page.id()).orElseThrow().body()).isEqualTo("<p>hi</p>");
        assertThat(f.auditLog.all()).singleElement().satisfies(e -> {
            assertThat(e.operation()).isEqualTo("page.create");
            assertThat(e.page()).contains(page.id());
            assertThat(e.toString()).doesNotContain("<p>hi</p>");
        });
    }

    @Test
    void a_markdown_body_reaches_confluence_as_storage_format_converted_locally() {
        Page page = service.create(new CreatePageCommand(ref, SpaceKey.of("OPS"), Title.of("Notes"), Optional.empty(),
                PageBody.markdown("# Notes\n\n```sql\nselect 1;\n```\n\n| a | b |\n| - | - |\n| <x> | [y](https://y.example) |\n"),
                Set.of()));

        assertThat(f.confluence.page(page.id()).orElseThrow().body()).isEqualTo("<h1>Notes</h1>"
                + "<ac:structured-macro ac:name=\"code\"><ac:parameter ac:name=\"language\">sql</ac:parameter>"
                + "<ac:plain-text-body><![CDATA[select 1;]]></ac:plain-text-body></ac:structured-macro>"
                + "<table><tbody><tr><th>a</th><th>b</th></tr><tr><td>&lt;x&gt;</td><td><a href=\"https://y.example\">y</a></td></tr>"
                + "</tbody></table>");
    }

    @Test
    void without_labels_only_the_page_is_created() {
        service.create(new CreatePageCommand(ref, SpaceKey.of("OPS"), Title.of("Notes"), Optional.empty(), PageBody.storage("<p/>"), Set.of()));

        assertThat(f.confluence.callLog()).containsExactly("pages.create");
    }

    @Test
    void a_title_taken_in_the_space_is_a_conflict() {
        f.confluence.seedPage("OPS", "Notes", Optional.empty(), "<p/>");

        assertThatThrownBy(() -> service.create(new CreatePageCommand(ref, SpaceKey.of("OPS"), Title.of("Notes"), Optional.empty(),
                PageBody.storage("<p/>"), Set.of()))).isInstanceOf(ConflictException.class);
    }
}
