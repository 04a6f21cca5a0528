package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.PageBody;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.Version;
import ai.askel.confluence.domain.error.VersionConflictException;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.UpdatePageCommand;
import ai.askel.confluence.ports.in.UpdatedPage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpdatePageServiceTest {
    private final UseCaseFixture f = new UseCaseFixture();
    private final ConnectionRef ref = f.connection();
    private final UpdatePageService service = f.updatePages();
    private final PageId id = f.confluence.seedPage("OPS", "Notes", Optional.empty(), "<p>v1</p>");

    @Test
    void an_update_reads_the_page_writes_the_next_version_and_is_audited() {
        UpdatedPage updated = service.update(new UpdatePageCommand(ref, id, Optional.empty(), PageBody.storage("<p>v2</p>"),
                Optional.of(Version.of(1)), Optional.of("second")));

        assertThat(updated.changed()).isTrue();
        assertThat(updated.page().version().number().number()).isEqualTo(2);
        assertThat(f.confluence.page(id).orElseThrow().body()).isEqualTo("<p>v2</p>");
        assertThat(f.confluence.callLog()).containsExactly("pages.read", "pages.write");
        assertThat(f.auditLog.all()).singleElement().satisfies(e -> assertThat(e.outcome()).isEqualTo("updated to version 2"));
    }

    @Test
    void an_update_that_changes_nothing_costs_one_read_and_writes_no_version_unless_forced() {
        UpdatedPage same = service.update(new UpdatePageCommand(ref, id, Optional.of(Title.of("Notes")), PageBody.storage("<p>v1</p>\n"),
                Optional.empty(), Optional.empty()));

        assertThat(same.changed()).isFalse();
        assertThat(same.page().version().number().number()).isEqualTo(1);
        assertThat(f.confluence.callLog()).containsExactly("pages.read");
        assertThat(f.auditLog.all()).singleElement().satisfies(e -> assertThat(e.outcome()).isEqualTo("unchanged at version 1"));

        UpdatedPage forced = service.update(new UpdatePageCommand(ref, id, Optional.empty(), PageBody.storage("<p>v1</p>"),
                Optional.empty(), Optional.empty(), true));
        assertThat(forced.changed()).isTrue();
        assertThat(forced.page().version().number().number()).isEqualTo(2);
    }

    @Test
    void an_update_based_on_a_stale_version_overwrites_nothing_and_the_failure_is_audited() {
        f.confluence.editInConfluence(id, "<p>someone else</p>");

        assertThatThrownBy(() -> service.update(new UpdatePageCommand(ref, id, Optional.empty(), PageBody.storage("<p>mine</p>"),
                Optional.of(Version.of(1)), Optional.empty()))).isInstanceOf(VersionConflictException.class);
        assertThat(f.confluence.page(id).orElseThrow().body()).isEqualTo("<p>someone else</p>");
        assertThat(f.confluence.calls("pages.write")).isZero();
        assertThat(f.auditLog.all()).singleElement().satisfies(e -> assertThat(e.outcome()).isEqualTo("failed: VERSION_CONFLICT"));
    }

    @Test
    void without_a_base_version_a_page_that_moved_between_read_and_write_is_read_again_and_written_on_top() {
        AtomicBoolean raced = new AtomicBoolean();
        f.confluence.beforeEachCall(op -> {
            if (op.equals("pages.write") && raced.compareAndSet(false, true)) {
                f.confluence.editInConfluence(id, "<p>someone else</p>");
            }
        });

        UpdatedPage updated = service.update(new UpdatePageCommand(ref, id, Optional.empty(), PageBody.storage("<p>mine</p>"),
                Optional.empty(), Optional.empty()));

        assertThat(updated.page().version().number().number()).isEqualTo(3);
        assertThat(f.confluence.page(id).orElseThrow().body()).isEqualTo("<p>mine</p>");
    }

    @Test
    void without_a_base_version_a_page_that_keeps_moving_is_retried_as_often_as_configured_then_a_version_conflict() {
        for (int retries : new int[] {0, 1, 5}) {
            UseCaseFixture busy = new UseCaseFixture(UseCaseSettings.defaults().withMaxConflictRetries(retries));
            PageId page = busy.confluence.seedPage("OPS", "Busy", Optional.empty(), "<p>v1</p>");
            busy.confluence.beforeEachCall(op -> {
                if (op.equals("pages.write")) {
                    busy.confluence.editInConfluence(page, "<p>someone else</p>");
                }
            });

            assertThatThrownBy(() -> busy.updatePages().update(new UpdatePageCommand(busy.connection(), page, Optional.empty(),
                    PageBody.storage("<p>mine</p>"), Optional.empty(), Optional.empty()))).isInstanceOf(VersionConflictException.class);
            assertThat(busy.confluence.calls("pages.write")).as("writes with %d retries", retries).isEqualTo(retries + 1);
            assertThat(busy.confluence.calls("pages.read")).as("reads with %d retries", retries).isEqualTo(retries + 1);
        }
    }

    @Test
    void the_default_retries_three_times() {
        assertThat(UseCaseSettings.defaults().maxConflictRetries()).isEqualTo(3);
    }

    @Test
    void a_markdown_update_is_sent_as_storage_format() {
        service.update(new UpdatePageCommand(ref, id, Optional.empty(), PageBody.markdown("- [x] done *now*"),
                Optional.empty(), Optional.empty()));

        assertThat(f.confluence.page(id).orElseThrow().body()).isEqualTo("<ac:task-list><ac:task><ac:task-status>complete"
                + "</ac:task-status><ac:task-body>done <em>now</em></ac:task-body></ac:task></ac:task-list>");
    }
}
