package ai.askel.confluence.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.error.InvalidInputException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RunbookContentTest {
    private static final Title TITLE = Title.of("Crestview Production");
    private static final PageBody BODY = PageBody.storage("<p>hi</p>");
    private static final RunbookSource SOURCE = new RunbookSource.SuppliedBody(BodyRepresentation.STORAGE,
            RunbookSource.SuppliedBody.hashOf(TITLE, BODY));

    private static Set<Label> labels(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> Label.of("label-" + i)).collect(Collectors.toSet());
    }

    private static List<AttachmentDigest> attachments(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> new AttachmentDigest("file-" + i + ".png", ContentHash.of("f" + i), 1)).toList();
    }

    @Test
    void the_most_labels_and_attachments_are_accepted() {
        RunbookContent content = new RunbookContent(TITLE, BODY, SOURCE, labels(Label.MAX_PER_REQUEST), attachments(RunbookContent.MAX_ATTACHMENTS));

        assertThat(content.labels()).hasSize(50);
        assertThat(content.attachments()).hasSize(20);
    }

    @Test
    void one_label_more_than_the_most_is_refused() {
        assertThatThrownBy(() -> new RunbookContent(TITLE, BODY, SOURCE, labels(Label.MAX_PER_REQUEST + 1), List.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("labels: at most 50 labels, got 51");
    }

    @Test
    void one_attachment_more_than_the_most_is_refused() {
        assertThatThrownBy(() -> new RunbookContent(TITLE, BODY, SOURCE, Set.of(), attachments(RunbookContent.MAX_ATTACHMENTS + 1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("attachments: at most 20 files per publish, got 21");
    }
}
