package ai.askel.confluence.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PublishedPageTest {
    private static final Title TITLE = Title.of("Crestview Production");
    private static final PageId PARENT = PageId.of("100");
    private static final String BODY = "<p>v1</p>";
    private static final Set<Label> LABELS = Set.of(Label.of("auto-generated"), Label.of("db"));
    private static final PublishedPage WRITTEN = new PublishedPage(TITLE, Optional.of(PARENT), LABELS,
            Optional.of(new ContentBaseline(Version.of(3), ContentBaseline.fingerprint(TITLE, BODY))));

    private static PageSighting listed(Title title, Optional<PageId> parent, Set<Label> labels, int version) {
        return PageSighting.listed(title, parent, labels, Version.of(version));
    }

    private static PageSighting read(int version, String body) {
        return new PageSighting(TITLE, Optional.of(PARENT), LABELS, Version.of(version), Optional.of(PageBody.storage(body)),
                Optional.of("557058:bob"));
    }

    @Test
    void a_page_as_it_was_written_has_no_drift() {
        assertThat(WRITTEN.driftIn(read(3, BODY), LABELS)).isEmpty();
        assertThat(WRITTEN.mayBeEditedAt(Version.of(3))).isFalse();
    }

    @Test
    void an_edit_is_a_later_version_whose_body_differs_in_canonical_form_and_names_who_made_it() {
        assertThat(WRITTEN.mayBeEditedAt(Version.of(4))).isTrue();
        assertThat(WRITTEN.driftIn(read(4, "<p>hand edit</p>"), LABELS))
                .containsExactly(new PageChange.Edited(Version.of(4), Version.of(3), Optional.of("557058:bob")));
        assertThat(WRITTEN.driftIn(read(4, "  <p>v1</p>\n"), LABELS)).isEmpty();
        // without the body (a listing), no edit is judged
        assertThat(WRITTEN.driftIn(listed(TITLE, Optional.of(PARENT), LABELS, 4), LABELS)).isEmpty();
    }

    @Test
    void the_content_of_a_page_that_is_not_the_connectors_is_never_an_edit() {
        PublishedPage adopted = new PublishedPage(TITLE, Optional.of(PARENT), Set.of(), Optional.empty());

        assertThat(adopted.mayBeEditedAt(Version.of(9))).isFalse();
        assertThat(adopted.driftIn(read(9, "<p>their notes</p>"), Set.of())).isEmpty();
    }

    @Test
    void a_rename_and_a_move_are_found_from_a_listing() {
        List<PageChange> changes = WRITTEN.driftIn(listed(Title.of("Crestview (old)"), Optional.empty(), LABELS, 4), LABELS);

        assertThat(changes).containsExactly(new PageChange.Renamed(Title.of("Crestview (old)")),
                new PageChange.Moved(PARENT, Optional.empty(), false));
        assertThat(changes).allMatch(PageChange::isDrift);
    }

    @Test
    void a_page_moved_up_when_its_parent_went_is_not_drift_of_its_own_and_one_with_no_recorded_parent_never_moves() {
        List<PageChange> changes = WRITTEN.driftIn(listed(TITLE, Optional.of(PageId.of("1")), LABELS, 3), LABELS, Set.of(PARENT));

        assertThat(changes).containsExactly(new PageChange.Moved(PARENT, Optional.of(PageId.of("1")), true));
        assertThat(changes.get(0).isDrift()).isFalse();
        PublishedPage unplaced = new PublishedPage(TITLE, Optional.empty(), Set.of(), Optional.empty());
        assertThat(unplaced.driftIn(listed(TITLE, Optional.of(PageId.of("1")), Set.of(), 3), Set.of())).isEmpty();
    }

    @Test
    void a_removed_label_is_drift_only_while_it_is_still_wanted() {
        PageSighting withoutDb = listed(TITLE, Optional.of(PARENT), Set.of(Label.of("auto-generated")), 3);

        assertThat(WRITTEN.driftIn(withoutDb, LABELS)).containsExactly(new PageChange.LabelsRemoved(Set.of(Label.of("db"))));
        assertThat(WRITTEN.driftIn(withoutDb, Set.of(Label.of("auto-generated")))).isEmpty();
        // a label wanted but never written is missing, not removed
        assertThat(WRITTEN.driftIn(read(3, BODY), Set.of(Label.of("auto-generated"), Label.of("db"), Label.of("new")))).isEmpty();
    }
}
