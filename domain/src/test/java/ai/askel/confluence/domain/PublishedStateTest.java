package ai.askel.confluence.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PublishedStateTest {
    private static final Instant AT = Instant.parse("2026-11-28T10:00:00Z");
    private static final PublishedAttachment DIAGRAM = new PublishedAttachment("diagram.png", ContentHash.of("a"), new AttachmentId("att1"), 10);
    private static final PublishedAttachment NEW_DIAGRAM = new PublishedAttachment("diagram.png", ContentHash.of("b"), new AttachmentId("att1"), 12);
    private static final PublishedAttachment LOG = new PublishedAttachment("log.txt", ContentHash.of("c"), new AttachmentId("att2"), 3);

    private static PublishedState state(Set<Label> labels, List<PublishedAttachment> attachments) {
        return new PublishedState(PageId.of("101"), PageId.of("100"), Version.of(2), ContentHash.of("body"), Title.of("Crestview"),
                labels, attachments, AT);
    }

    @Test
    void with_attachment_replaces_one_of_the_same_file_name_and_keeps_the_others() {
        PublishedState base = state(Set.of(), List.of());

        PublishedState withBoth = base.withAttachment(DIAGRAM).withAttachment(LOG).withAttachment(NEW_DIAGRAM);

        assertThat(withBoth.attachments()).containsExactly(LOG, NEW_DIAGRAM);
        assertThat(withBoth.attachment("diagram.png")).contains(NEW_DIAGRAM);
        assertThat(withBoth.attachment("missing.png")).isEmpty();
        assertThat(base.attachments()).as("the original is unchanged").isEmpty();
        assertThat(withBoth.version()).isEqualTo(base.version());
        assertThat(withBoth.contentHash()).isEqualTo(base.contentHash());
    }

    @Test
    void with_labels_replaces_the_labels_and_keeps_the_attachments() {
        PublishedState base = state(Set.of(Label.of("old")), List.of(LOG));

        PublishedState relabelled = base.withLabels(Set.of(Label.of("new")));

        assertThat(relabelled.labels()).containsExactly(Label.of("new"));
        assertThat(relabelled.attachments()).containsExactly(LOG);
        assertThat(base.labels()).containsExactly(Label.of("old"));
    }

    @Test
    void the_collections_are_copies_the_caller_cannot_change() {
        Set<Label> labels = new HashSet<>(Set.of(Label.of("a")));
        List<PublishedAttachment> attachments = new ArrayList<>(List.of(LOG));
        PublishedState state = state(labels, attachments);
        labels.add(Label.of("b"));
        attachments.clear();

        assertThat(state.labels()).containsExactly(Label.of("a"));
        assertThat(state.attachments()).containsExactly(LOG);
        assertThatThrownBy(() -> state.attachments().add(DIAGRAM)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void published_attachments_check_their_file_name_and_size() {
        assertThatThrownBy(() -> new PublishedAttachment("../etc/passwd", ContentHash.of("a"), new AttachmentId("att1"), 1))
                .hasMessageContaining("must be a file name, not a path");
        assertThatThrownBy(() -> new PublishedAttachment("a.png", ContentHash.of("a"), new AttachmentId("att1"), -1))
                .hasMessage("size: must not be negative");
    }
}
