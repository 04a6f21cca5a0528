package ai.askel.confluence.ports.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.PageBody;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class CreatePageCommandTest {
    private static final CreatePageCommand PAGE = CreatePageCommand.of(new ConnectionRef(WorkspaceId.random(), ConnectionId.random()),
            SpaceKey.of("OPS"), Title.of("Notes"), PageBody.storage("<p/>"));

    @Test
    void the_most_labels_are_accepted() {
        assertThat(PAGE.withLabels(PublishRunbookCommandTest.labels(Label.MAX_PER_REQUEST)).labels()).hasSize(50);
    }

    @Test
    void one_label_more_than_the_most_is_refused_naming_the_field() {
        assertThatThrownBy(() -> PAGE.withLabels(PublishRunbookCommandTest.labels(Label.MAX_PER_REQUEST + 1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("labels: at most 50 labels, got 51");
    }
}
