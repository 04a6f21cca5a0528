package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.out.AuditEvent;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManageLabelsServiceTest {
    private final UseCaseFixture f = new UseCaseFixture();
    private final ConnectionRef ref = f.connection();
    private final ManageLabelsService service = new ManageLabelsService(f.lookup, f.confluence.labels, f.audit);
    private final PageId id = f.confluence.seedPage("OPS", "Notes", Optional.empty(), "<p/>");

    @Test
    void labels_are_added_in_one_call_and_removed_one_at_a_time() {
        Set<Label> now = service.add(ref, id, Set.of(Label.of("A"), Label.of("b")));
        service.remove(ref, id, Label.of("a"));
        service.remove(ref, id, Label.of("not-there"));

        assertThat(now).extracting(Label::name).containsExactlyInAnyOrder("a", "b");
        assertThat(f.confluence.page(id).orElseThrow().labels).extracting(Label::name).containsExactly("b");
        // Confluence answers 404 for a label the page lacks; one listing tells that from a missing page
        assertThat(f.confluence.callLog()).containsExactly("labels.add", "labels.remove", "labels.remove", "labels.list");
        assertThat(f.auditLog.all()).extracting(AuditEvent::operation).containsExactly("labels.add", "labels.remove", "labels.remove");
        assertThat(f.auditLog.all()).extracting(AuditEvent::outcome).last().isEqualTo("absent");
    }

    @Test
    void a_404_for_a_label_the_page_does_not_have_is_not_an_error() {
        f.confluence.failNext("labels.remove", new NotFoundException("Label 'gone' not found on content " + id));

        service.remove(ref, id, Label.of("gone"));

        assertThat(f.auditLog.all()).extracting(AuditEvent::outcome).containsExactly("absent");
    }

    @Test
    void a_404_for_a_missing_page_is_still_not_found() {
        PageId missing = PageId.of("999999");
        f.confluence.failNext("labels.remove", new NotFoundException("page 999999 not found"));

        assertThatThrownBy(() -> service.remove(ref, missing, Label.of("x"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void adding_no_labels_writes_nothing() {
        assertThat(service.add(ref, id, Set.of())).isEmpty();
        assertThat(f.confluence.writes()).isZero();
    }

    @Test
    void adding_more_than_the_most_labels_in_one_call_is_refused_before_any_call() {
        Set<Label> labels = java.util.stream.IntStream.rangeClosed(1, Label.MAX_PER_REQUEST + 1).mapToObj(i -> Label.of("label-" + i))
                .collect(java.util.stream.Collectors.toSet());

        assertThatThrownBy(() -> service.add(ref, id, labels))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("labels: at most 50 labels, got 51");
        assertThat(f.confluence.callLog()).isEmpty();
    }

    @Test
    void adding_the_most_labels_in_one_call_is_accepted() {
        Set<Label> labels = java.util.stream.IntStream.rangeClosed(1, Label.MAX_PER_REQUEST).mapToObj(i -> Label.of("label-" + i))
                .collect(java.util.stream.Collectors.toSet());

        assertThat(service.add(ref, id, labels)).hasSize(Label.MAX_PER_REQUEST);
    }
}
