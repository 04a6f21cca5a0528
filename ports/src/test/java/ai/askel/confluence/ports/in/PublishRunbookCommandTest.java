package ai.askel.confluence.ports.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.PageBody;
import ai.askel.confluence.domain.RunbookContent;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.ports.out.AttachmentUpload;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PublishRunbookCommandTest {
    private static final ConnectionRef REF = new ConnectionRef(WorkspaceId.random(), ConnectionId.random());

    static Set<Label> labels(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> Label.of("label-" + i)).collect(Collectors.toSet());
    }

    private static AttachmentUpload attachment(int i) {
        return new AttachmentUpload("file-" + i + ".png", "image/png", 1, () -> new ByteArrayInputStream(new byte[] {1}), Optional.empty(),
                false);
    }

    private static PublishRunbookCommand.Builder builder() {
        return PublishRunbookCommand.builder(REF).space("OPS").title("Crestview Production").template("customer-environment-runbook");
    }

    private static PublishRunbookCommand.Builder withAttachments(int count) {
        PublishRunbookCommand.Builder builder = builder();
        IntStream.rangeClosed(1, count).forEach(i -> builder.attachment(attachment(i)));
        return builder;
    }

    @Test
    void the_most_labels_are_accepted() {
        PublishRunbookCommand command = builder().labels(labels(Label.MAX_PER_REQUEST)).build();

        assertThat(command.effectiveLabels()).hasSize(50);
    }

    @Test
    void one_label_more_than_the_most_is_refused_naming_the_field() {
        assertThatThrownBy(() -> builder().labels(labels(Label.MAX_PER_REQUEST + 1)).build())
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(InvalidInputException.Problem::field).containsExactly("labels"))
                .hasMessage("labels: at most 50 labels, got 51");
    }

    @Test
    void the_most_attachments_are_accepted() {
        assertThat(withAttachments(RunbookContent.MAX_ATTACHMENTS).build().attachments()).hasSize(20);
    }

    @Test
    void an_embedder_sending_one_attachment_more_than_the_most_is_refused() {
        assertThatThrownBy(() -> withAttachments(RunbookContent.MAX_ATTACHMENTS + 1).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("attachments: at most 20 files per publish, got 21");
    }

    @Test
    void a_builder_missing_its_space_title_and_source_is_invalid_input_naming_each_field() {
        assertThatThrownBy(() -> PublishRunbookCommand.builder(REF).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.Problem::field).containsExactly("spaceKey", "title", "template"))
                .hasMessage("spaceKey: is required; title: is required; template: is required (or give a body instead)");
    }

    @Test
    void a_builder_given_both_a_template_and_a_body_is_invalid_input_naming_the_template() {
        assertThatThrownBy(() -> builder().body(PageBody.storage("<p>x</p>")).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.Problem::field).containsExactly("template"));
    }
}
