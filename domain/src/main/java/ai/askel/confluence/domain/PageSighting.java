package ai.askel.confluence.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What Confluence shows of a managed page now, as its drift is judged ({@link PublishedPage#driftIn}): title, parent,
 * labels and version, and the body with the account that wrote that version when the page was read in full. A search
 * listing shows no body; without one no edit is judged.
 */
public record PageSighting(Title title, Optional<PageId> parentId, Set<Label> labels, Version version, Optional<PageBody> body,
                           Optional<String> lastEditBy) {
    public PageSighting {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(parentId, "parentId");
        labels = Set.copyOf(labels);
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(lastEditBy, "lastEditBy");
    }

    /** A page read in full. */
    public static PageSighting of(Page page) {
        return new PageSighting(page.title(), page.parentId(), page.labels(), page.version().number(), Optional.of(page.body()),
                page.version().authorId());
    }

    /** A page as a search listed it, without its body. */
    public static PageSighting listed(Title title, Optional<PageId> parentId, Set<Label> labels, Version version) {
        return new PageSighting(title, parentId, labels, version, Optional.empty(), Optional.empty());
    }

    /** This sighting completed by a read of the page in full: its body, and the version and author that body is at. */
    public PageSighting withBodyOf(Page read) {
        return new PageSighting(title, parentId, labels, read.version().number(), Optional.of(read.body()), read.version().authorId());
    }
}
