package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PageBody;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.error.ConflictException;
import ai.askel.confluence.domain.error.ConfluenceUnavailableException;
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
    private final CreatePageService service = f.createPages();

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

    @Test
    void a_create_whose_answer_was_lost_answers_the_page_it_made_without_creating_a_second() {
        f.confluence.loseNextResponse("pages.create");

        Page page = service.create(new CreatePageCommand(ref, SpaceKey.of("OPS"), Title.of("Notes"), Optional.empty(),
                PageBody.storage("<p>hi</p>"), Set.of(Label.of("one"))));

        assertThat(f.confluence.pagesTitled("OPS", "Notes")).singleElement().satisfies(p -> assertThat(p.id).isEqualTo(page.id()));
        assertThat(page.labels()).extracting(Label::name).containsExactly("one");
        assertThat(f.confluence.callLog()).containsExactly("pages.create", "pages.findByTitle", "pages.read", "labels.add");
    }

    @Test
    void a_lost_answer_after_which_the_title_belongs_to_another_page_is_a_conflict_naming_that_page() {
        PageId theirs = f.confluence.seedPage("OPS", "Notes", Optional.empty(), "<p>theirs</p>");
        f.confluence.failNext("pages.create", new ConfluenceUnavailableException("Confluence did not answer in time", null, null));

        assertThatThrownBy(() -> service.create(new CreatePageCommand(ref, SpaceKey.of("OPS"), Title.of("Notes"), Optional.empty(),
                PageBody.storage("<p>mine</p>"), Set.of()))).isInstanceOf(ConflictException.class).hasMessageContaining(theirs.value());
        assertThat(f.confluence.page(theirs).orElseThrow().body()).isEqualTo("<p>theirs</p>");
        assertThat(f.confluence.pageCount()).isEqualTo(1);
    }

    @Test
    void a_taken_title_refused_as_a_bad_request_is_a_conflict_naming_the_page_that_holds_it() {
        PageId theirs = f.confluence.seedPage("OPS", "Notes", Optional.empty(), "<p/>");
        f.confluence.refuseDuplicateTitlesAsBadRequest();

        assertThatThrownBy(() -> service.create(new CreatePageCommand(ref, SpaceKey.of("OPS"), Title.of("Notes"), Optional.empty(),
                PageBody.storage("<p/>"), Set.of()))).isInstanceOf(ConflictException.class).hasMessageContaining(theirs.value());
    }
}
