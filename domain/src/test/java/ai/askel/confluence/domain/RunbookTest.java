package ai.askel.confluence.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RunbookTest {
    private static final ContentHash PUBLISHED_HASH = ContentHash.of("<p>v1</p>");
    private static final Instant AT = Instant.parse("2026-11-28T10:00:00Z");

    private static Runbook fresh() {
        return Runbook.create(WorkspaceIds.DEFAULT, ConnectionId.random(), SpaceKey.of("INFRA"), Title.of("Runbooks"),
                Title.of("Crestview Production"), new TemplateRef("environment-runbook", "1"),
                new TemplateInputs(Map.of("environment", "prod")), Set.of(Label.of("runbook")));
    }

    private static PublishedState state(String pageId, int version, ContentHash hash) {
        return new PublishedState(PageId.of(pageId), PageId.of("100"), Version.of(version), hash, Title.of("Crestview Production"),
                Set.of(Label.of("runbook")), List.of(), AT);
    }

    @Test
    void a_new_runbook_is_unpublished() {
        Runbook runbook = fresh();

        assertThat(runbook.status()).isEqualTo(RunbookStatus.NEW);
        assertThat(runbook.published()).isEmpty();
        assertThat(runbook.pageId()).isEmpty();
        assertThat(runbook.revision()).isZero();
    }

    @Test
    void a_runbook_never_published_decides_to_create() {
        assertThat(fresh().decide(ContentHash.of("anything"))).isEqualTo(PublishAction.CREATE);
    }

    @Test
    void the_same_content_again_is_a_no_op_and_different_content_an_update() {
        Runbook runbook = fresh().published(state("101", 1, PUBLISHED_HASH));

        assertThat(runbook.decide(ContentHash.of("<p>v1</p>"))).isEqualTo(PublishAction.NO_OP);
        assertThat(runbook.decide(ContentHash.of("<p>v2</p>"))).isEqualTo(PublishAction.UPDATE);
    }

    @Test
    void edited_elsewhere_when_confluence_is_past_the_version_last_written() {
        Runbook runbook = fresh().published(state("101", 3, PUBLISHED_HASH));

        assertThat(runbook.isEditedElsewhere(Version.of(4))).isTrue();
        assertThat(runbook.isEditedElsewhere(Version.of(3))).isFalse();
        assertThat(runbook.isEditedElsewhere(Version.of(2))).isFalse();
        assertThat(fresh().isEditedElsewhere(Version.of(9))).as("nothing published, nothing to drift from").isFalse();
    }

    @Test
    void published_records_the_state_and_marks_the_runbook_published() {
        Runbook runbook = fresh().withStatus(RunbookStatus.FAILED).published(state("101", 1, PUBLISHED_HASH));

        assertThat(runbook.status()).isEqualTo(RunbookStatus.PUBLISHED);
        assertThat(runbook.pageId()).contains(PageId.of("101"));
        assertThat(runbook.published().orElseThrow().version()).isEqualTo(Version.FIRST);
    }

    @Test
    void published_again_on_the_same_page_moves_the_state_on() {
        Runbook runbook = fresh().published(state("101", 1, PUBLISHED_HASH)).published(state("101", 2, ContentHash.of("v2")));

        assertThat(runbook.published().orElseThrow().version()).isEqualTo(Version.of(2));
    }

    @Test
    void published_refuses_another_page_id_because_the_page_id_is_the_identity() {
        Runbook runbook = fresh().published(state("101", 1, PUBLISHED_HASH));

        assertThatThrownBy(() -> runbook.published(state("202", 1, PUBLISHED_HASH)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is page 101; it cannot become page 202");
    }

    @Test
    void revisions_count_saves_and_identify_a_stored_state() {
        Runbook saved = fresh().atRevision(1);
        Runbook savedAgain = saved.withStatus(RunbookStatus.FAILED).atRevision(2);

        assertThat(saved.revision()).isEqualTo(1);
        assertThat(savedAgain.revision()).isEqualTo(2);
        assertThat(savedAgain.id()).isEqualTo(saved.id());
        assertThat(saved).isNotEqualTo(savedAgain).isEqualTo(saved.withStatus(RunbookStatus.FAILED));
        assertThatThrownBy(() -> fresh().atRevision(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(value = RunbookStatus.class, names = {"PUBLISHED", "DRIFTED"})
    void a_runbook_never_published_cannot_be_published_or_drifted(RunbookStatus status) {
        assertThatThrownBy(() -> fresh().withStatus(status)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never published");
    }

    @Test
    void with_request_changes_what_to_render_but_keeps_what_was_published() {
        Runbook published = fresh().published(state("101", 1, PUBLISHED_HASH));

        Runbook changed = published.withRequest(Title.of("Other parent"), new TemplateRef("environment-runbook", "2"),
                TemplateInputs.empty(), Set.of(Label.of("x")));

        assertThat(changed.template().version()).isEqualTo("2");
        assertThat(changed.parentTitle()).isEqualTo(Title.of("Other parent"));
        assertThat(changed.labels()).containsExactly(Label.of("x"));
        assertThat(changed.inputs()).isEqualTo(TemplateInputs.empty());
        assertThat(changed.published()).isEqualTo(published.published());
        assertThat(changed.status()).isEqualTo(RunbookStatus.PUBLISHED);
        assertThat(changed.title()).isEqualTo(published.title());
    }

    @Test
    void to_string_names_the_runbook_and_its_page() {
        Runbook runbook = fresh().published(state("101", 1, PUBLISHED_HASH));

        assertThat(runbook.toString()).contains("'Crestview Production' in INFRA, PUBLISHED, page 101");
    }
}
