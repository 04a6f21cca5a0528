package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.PageBody;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.Title;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A page to create in a space, optionally under a parent and with labels (at most {@link Label#MAX_PER_REQUEST}). */
public record CreatePageCommand(ConnectionRef ref, SpaceKey space, Title title, Optional<PageId> parentId, PageBody body,
                                Set<Label> labels) {
    public CreatePageCommand {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(body, "body");
        labels = Set.copyOf(labels);
        Label.checkCount(labels.size());
    }

    /** A page without parent or labels: {@code CreatePageCommand.of(ref, space, title, body).under(parent).withLabels(labels)}. */
    public static CreatePageCommand of(ConnectionRef ref, SpaceKey space, Title title, PageBody body) {
        return new CreatePageCommand(ref, space, title, Optional.empty(), body, Set.of());
    }

    /** The same page, created under {@code parent}. */
    public CreatePageCommand under(PageId parent) {
        return new CreatePageCommand(ref, space, title, Optional.of(parent), body, labels);
    }

    /** The same page, with these labels. */
    public CreatePageCommand withLabels(Set<Label> pageLabels) {
        return new CreatePageCommand(ref, space, title, parentId, body, pageLabels);
    }
}
