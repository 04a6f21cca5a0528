package ai.askel.confluence.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A page as listings and searches return it: no body. {@code labels} holds what the listing
 * carried (a search expands them; other listings may not, and then it is empty).
 */
public record PageSummary(PageId id, Optional<SpaceKey> space, Title title, Optional<PageId> parentId, PageVersion version,
                          Set<Label> labels, Optional<String> webUrl) {
    public PageSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(version, "version");
        labels = Set.copyOf(labels);
        Objects.requireNonNull(webUrl, "webUrl");
    }
}
