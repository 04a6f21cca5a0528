package ai.askel.confluence.ports.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.DriftPolicy;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.RunbookContent;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.error.InvalidInputException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class JobItemRequestTest {
    private static Set<Label> labels(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> Label.of("label-" + i)).collect(Collectors.toSet());
    }

    private static List<JobItemRequest.InlineAttachment> attachments(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> new JobItemRequest.InlineAttachment("file-" + i + ".png", "image/png", new byte[] {1}, Optional.empty()))
                .toList();
    }

    private static JobItemRequest item(Set<Label> labels, List<JobItemRequest.InlineAttachment> attachments) {
        return new JobItemRequest(SpaceKey.of("OPS"), Optional.empty(), Title.of("Crestview Production"), "customer-environment-runbook",
                TemplateInputs.empty(), Optional.of(labels), attachments, DriftPolicy.FAIL);
    }

    @Test
    void an_item_with_the_most_labels_and_attachments_is_accepted() {
        JobItemRequest item = item(labels(Label.MAX_PER_REQUEST), attachments(RunbookContent.MAX_ATTACHMENTS));

        assertThat(item.labels()).hasValueSatisfying(l -> assertThat(l).hasSize(50));
        assertThat(item.attachments()).hasSize(20);
    }

    @Test
    void an_item_with_one_label_more_than_the_most_is_refused() {
        assertThatThrownBy(() -> item(labels(Label.MAX_PER_REQUEST + 1), List.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("labels: at most 50 labels, got 51");
    }

    @Test
    void an_item_with_one_attachment_more_than_the_most_is_refused() {
        assertThatThrownBy(() -> item(Set.of(), attachments(RunbookContent.MAX_ATTACHMENTS + 1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("attachments: at most 20 files per publish, got 21");
    }
}
