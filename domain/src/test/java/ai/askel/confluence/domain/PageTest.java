package ai.askel.confluence.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.error.VersionConflictException;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PageTest {
    private static final PageBody OLD_BODY = PageBody.storage("<p>old</p>");
    private static final PageBody NEW_BODY = PageBody.storage("<p>new</p>");

    private static Page pageAt(int version) {
        return new Page(PageId.of("101"), SpaceKey.of("INFRA"), Title.of("Crestview"), Optional.of(PageId.of("100")), OLD_BODY,
                PageVersion.of(Version.of(version)), Set.of(Label.of("runbook")), Optional.of("https://acme.atlassian.net/wiki/x"));
    }

    @Test
    void revise_writes_the_next_version_and_keeps_the_title_unless_given() {
        PageRevision revision = pageAt(4).revise(Optional.empty(), NEW_BODY, Optional.of(" nightly "));

        assertThat(revision.pageId()).isEqualTo(PageId.of("101"));
        assertThat(revision.version()).isEqualTo(Version.of(5));
        assertThat(revision.title()).isEqualTo(Title.of("Crestview"));
        assertThat(revision.body()).isEqualTo(NEW_BODY);
        assertThat(revision.message()).contains("nightly");

        assertThat(pageAt(4).revise(Optional.of(Title.of("Renamed")), NEW_BODY, Optional.empty()).title()).isEqualTo(Title.of("Renamed"));
    }

    @Test
    void revise_from_the_current_version_is_allowed() {
        assertThat(pageAt(4).reviseFrom(Version.of(4), Optional.empty(), NEW_BODY, Optional.empty()).version()).isEqualTo(Version.of(5));
    }

    @Test
    void revise_from_a_stale_base_is_a_version_conflict_that_names_the_current_version() {
        Page page = pageAt(7);

        assertThatThrownBy(() -> page.reviseFrom(Version.of(5), Optional.empty(), NEW_BODY, Optional.empty()))
                .isInstanceOfSatisfying(VersionConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VERSION_CONFLICT);
                    assertThat(e.currentVersion()).hasValue(7);
                    assertThat(e).hasMessage("page 101 is at version 7, but the update was based on version 5; nothing was overwritten");
                });
    }

    @Test
    void a_base_from_the_future_is_a_conflict_too() {
        assertThatThrownBy(() -> pageAt(3).reviseFrom(Version.of(9), Optional.empty(), NEW_BODY, Optional.empty()))
                .isInstanceOf(VersionConflictException.class);
    }

    @Test
    void apply_moves_the_page_to_the_written_version_with_the_new_content() {
        Page page = pageAt(4);
        PageRevision revision = page.revise(Optional.of(Title.of("Renamed")), NEW_BODY, Optional.empty());

        Page after = page.apply(revision, PageVersion.of(Version.of(5)));

        assertThat(after.version().number()).isEqualTo(Version.of(5));
        assertThat(after.title()).isEqualTo(Title.of("Renamed"));
        assertThat(after.body()).isEqualTo(NEW_BODY);
        assertThat(after.labels()).containsExactly(Label.of("runbook"));
        assertThat(after.parentId()).contains(PageId.of("100"));
        assertThat(after.space()).isEqualTo(SpaceKey.of("INFRA"));
        assertThat(page.version().number()).as("the page itself is unchanged").isEqualTo(Version.of(4));
    }

    @Test
    void apply_refuses_a_version_that_is_not_newer() {
        Page page = pageAt(4);
        PageRevision revision = page.revise(Optional.empty(), NEW_BODY, Optional.empty());

        for (int written : new int[] {4, 3, 1}) {
            assertThatThrownBy(() -> page.apply(revision, PageVersion.of(Version.of(written))))
                    .as("written %d", written)
                    .isInstanceOfSatisfying(VersionConflictException.class, e -> assertThat(e.currentVersion()).hasValue(4));
        }
    }

    @Test
    void apply_refuses_a_revision_of_another_page() {
        PageRevision other = new PageRevision(PageId.of("999"), Title.of("x"), NEW_BODY, Version.of(5), Optional.empty());

        assertThatThrownBy(() -> pageAt(4).apply(other, PageVersion.of(Version.of(5)))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_labels_handed_out_cannot_change_the_page() {
        Page page = pageAt(1);

        assertThatThrownBy(() -> page.labels().add(Label.of("x"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void pages_are_equal_by_id_and_version() {
        assertThat(pageAt(2)).isEqualTo(pageAt(2)).hasSameHashCodeAs(pageAt(2)).isNotEqualTo(pageAt(3));
        assertThat(pageAt(2)).hasToString("Page[101 'Crestview' in INFRA v2]");
    }

    @Test
    void a_revision_message_is_trimmed_and_limited() {
        assertThat(new PageRevision(PageId.of("1"), Title.of("t"), NEW_BODY, Version.FIRST, Optional.of("   ")).message()).isEmpty();
        assertThatThrownBy(() -> new PageRevision(PageId.of("1"), Title.of("t"), NEW_BODY, Version.FIRST, Optional.of("x".repeat(256))))
                .hasMessage("message: is 256 characters long; at most 255 are kept");
        assertThatThrownBy(() -> new PageRevision(PageId.of("1"), Title.of("t"), NEW_BODY, Version.FIRST, Optional.of("a\u0000")))
                .hasMessageStartingWith("message: must not contain control characters");
    }

    @Test
    void an_update_to_the_same_title_and_canonical_body_writes_nothing_unless_forced() {
        Page page = pageAt(4);
        PageBody sameBody = PageBody.storage("<p>old</p>\n");

        assertThat(page.planUpdate(Optional.empty(), Optional.empty(), sameBody, Optional.empty(), false)).isEmpty();
        assertThat(page.planUpdate(Optional.of(Version.of(4)), Optional.of(Title.of("Crestview")), sameBody, Optional.empty(), false))
                .isEmpty();
        assertThat(page.planUpdate(Optional.empty(), Optional.empty(), sameBody, Optional.empty(), true))
                .get().extracting(PageRevision::version).isEqualTo(Version.of(5));
        assertThat(page.planUpdate(Optional.empty(), Optional.of(Title.of("Renamed")), sameBody, Optional.empty(), false)).isPresent();
        assertThat(page.planUpdate(Optional.empty(), Optional.empty(), NEW_BODY, Optional.empty(), false)).isPresent();
        assertThat(page.planUpdate(Optional.empty(), Optional.empty(), PageBody.wiki("old"), Optional.empty(), false))
                .as("Confluence converts wiki markup, so it cannot be compared here").isPresent();
    }

    @Test
    void an_update_based_on_an_old_version_is_a_conflict_even_when_it_would_change_nothing() {
        assertThatThrownBy(() -> pageAt(5).planUpdate(Optional.of(Version.of(4)), Optional.empty(), OLD_BODY, Optional.empty(), false))
                .isInstanceOf(VersionConflictException.class);
    }

    @Test
    void a_page_is_the_result_of_a_revision_when_it_is_at_its_version_with_its_title_and_body() {
        PageRevision revision = pageAt(4).revise(Optional.empty(), NEW_BODY, Optional.empty());
        Page written = new Page(PageId.of("101"), SpaceKey.of("INFRA"), Title.of("Crestview"), Optional.of(PageId.of("100")),
                PageBody.storage("<p>new</p>  "), new PageVersion(Version.of(5), Optional.empty(), Optional.empty(), Optional.empty()),
                Set.of(), Optional.empty());

        assertThat(written.isResultOf(revision)).isTrue();
        assertThat(pageAt(5).isResultOf(revision)).as("another body at that version").isFalse();
        assertThat(pageAt(6).isResultOf(revision)).isFalse();
    }

    @Test
    void a_page_is_what_its_create_left_only_at_its_first_version_under_its_parent_with_its_title_and_body() {
        Optional<PageId> parent = Optional.of(PageId.of("100"));
        Title title = Title.of("Crestview");

        assertThat(pageAt(1).isCreatedAs(title, parent, PageBody.storage("<p>old</p>\n"))).isTrue();
        assertThat(pageAt(1).isCreatedAs(title, parent, PageBody.wiki("h1. Converted by Confluence"))).isTrue();
        assertThat(pageAt(2).isCreatedAs(title, parent, OLD_BODY)).isFalse();
        assertThat(pageAt(1).isCreatedAs(title, Optional.empty(), OLD_BODY)).isFalse();
        assertThat(pageAt(1).isCreatedAs(Title.of("Other"), parent, OLD_BODY)).isFalse();
        assertThat(pageAt(1).isCreatedAs(title, parent, NEW_BODY)).isFalse();
    }
}
