package ai.askel.confluence.adapter.confluence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.ConfluenceUser;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.Space;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.ports.out.ConfluenceLabelsPort;
import ai.askel.confluence.ports.out.ConfluencePagesPort;
import ai.askel.confluence.ports.out.ConfluenceSpacesPort;
import ai.askel.confluence.ports.out.ConfluenceUsersPort;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the Confluence ports must do, whatever Confluence it talks to. Extend
 * a nested contract and supply the port and a {@link ConfluenceWorld}; the test methods are public so
 * subclasses in other modules and packages (the app against the sandbox) inherit them.
 */
public final class ConfluencePortContracts {
    private ConfluencePortContracts() {
    }

    public abstract static class SpacesContract {
        protected abstract ConfluenceWorld world();

        protected abstract ConfluenceSpacesPort port();

        @Test
        public void a_visible_space_is_found_by_key_and_an_unknown_key_is_empty() {
            world().givenSpace(SpaceKey.of("CONTRACT"), "Contract space");

            Optional<Space> found = port().findSpace(world().access(), SpaceKey.of("CONTRACT"));

            assertThat(found).hasValueSatisfying(s -> assertThat(s.name()).isEqualTo("Contract space"));
            assertThat(port().findSpace(world().access(), SpaceKey.of("NOSUCHSPACE42"))).isEmpty();
        }
    }

    public abstract static class PagesContract {
        protected abstract ConfluenceWorld world();

        protected abstract ConfluencePagesPort port();

        @Test
        public void a_page_reads_back_with_body_title_labels_and_space_and_is_found_by_exact_title() {
            SpaceKey space = SpaceKey.of("CONTRACT");
            world().givenSpace(space, "Contract space");
            Title title = Title.of("Contract: \"quotes\" & ünïcødé");
            PageId id = world().givenPage(space, title, "<p>contract body</p>", Set.of(Label.of("contract"), Label.of("a/b")));

            Page page = port().read(world().access(), id).orElseThrow();

            assertThat(page.title()).isEqualTo(title);
            assertThat(page.space()).isEqualTo(space);
            assertThat(page.body().value()).isEqualTo("<p>contract body</p>");
            assertThat(page.labels()).containsExactlyInAnyOrder(Label.of("contract"), Label.of("a/b"));
            assertThat(port().findByTitle(world().access(), space, title)).hasValueSatisfying(s -> assertThat(s.id()).isEqualTo(id));
        }

        @Test
        public void an_absent_page_reads_as_empty() {
            assertThat(port().read(world().access(), world().absentPage())).isEmpty();
        }

        @Test
        public void a_title_no_page_has_is_not_found_in_a_space() {
            SpaceKey space = SpaceKey.of("CONTRACT");
            world().givenSpace(space, "Contract space");
            world().givenPage(space, Title.of("Contract: a page that exists"), "<p/>", Set.of());

            assertThat(port().findByTitle(world().access(), space, Title.of("Contract: no page has this title"))).isEmpty();
        }

        @Test
        public void no_page_is_found_by_title_in_an_unknown_space() {
            assertThat(port().findByTitle(world().access(), SpaceKey.of("NOSUCHSPACE42"), Title.of("Anything"))).isEmpty();
        }
    }

    public abstract static class LabelsContract {
        protected abstract ConfluenceWorld world();

        protected abstract ConfluenceLabelsPort port();

        @Test
        public void lists_every_label_of_a_page() {
            SpaceKey space = SpaceKey.of("CONTRACT");
            world().givenSpace(space, "Contract space");
            PageId id = world().givenPage(space, Title.of("Labelled"), "<p/>", Set.of(Label.of("one"), Label.of("two/three")));

            assertThat(port().list(world().access(), id)).containsExactlyInAnyOrder(Label.of("one"), Label.of("two/three"));
        }

        @Test
        public void a_page_without_labels_lists_none() {
            SpaceKey space = SpaceKey.of("CONTRACT");
            world().givenSpace(space, "Contract space");
            PageId id = world().givenPage(space, Title.of("Unlabelled"), "<p/>", Set.of());

            assertThat(port().list(world().access(), id)).isEmpty();
        }

        @Test
        public void removing_a_label_the_page_does_not_have_is_not_found_and_leaves_its_labels() {
            SpaceKey space = SpaceKey.of("CONTRACT");
            world().givenSpace(space, "Contract space");
            PageId id = world().givenPage(space, Title.of("Labelled once"), "<p/>", Set.of(Label.of("kept")));

            assertThatThrownBy(() -> port().remove(world().access(), id, Label.of("never-there"))).isInstanceOf(NotFoundException.class);
            assertThat(port().list(world().access(), id)).containsExactly(Label.of("kept"));
        }
    }

    public abstract static class UsersContract {
        protected abstract ConfluenceWorld world();

        protected abstract ConfluenceUsersPort port();

        @Test
        public void the_current_user_is_the_account_of_the_credentials() {
            assertThat(port().currentUser(world().access())).isEqualTo(world().currentUser());
        }

        @Test
        public void display_names_are_answered_for_known_accounts_and_unknown_ones_are_left_out() {
            ConfluenceUser me = world().currentUser();

            assertThat(port().displayNames(world().access(), java.util.Set.of(me.accountId(), "557058:nobody-at-all")))
                    .containsExactly(java.util.Map.entry(me.accountId(), me.displayName()));
            assertThat(port().displayNames(world().access(), java.util.Set.of())).isEmpty();
        }
    }
}
