package ai.askel.confluence.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One change made in Confluence to a managed page since the connector wrote it, as {@link PublishedPage#driftIn} decides
 * it. It carries the facts; the publish and the drift scan each put them in words ({@link PageDrift}, a finding).
 */
public sealed interface PageChange {
    DriftKind kind();

    /**
     * Whether the change is drift of the page itself. A page Confluence moved up a level when its parent was trashed is
     * not: the parent's {@code DELETED} finding is the one event.
     */
    default boolean isDrift() {
        return true;
    }

    /** The body differs in canonical form, at {@code version}, past the {@code published} one; {@code by} wrote it. */
    record Edited(Version version, Version published, Optional<String> by) implements PageChange {
        public Edited {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(published, "published");
            Objects.requireNonNull(by, "by");
        }

        @Override
        public DriftKind kind() {
            return DriftKind.EDITED_IN_CONFLUENCE;
        }
    }

    /** The page's title is no longer the one written. */
    record Renamed(Title to) implements PageChange {
        public Renamed {
            Objects.requireNonNull(to, "to");
        }

        @Override
        public DriftKind kind() {
            return DriftKind.RENAMED;
        }
    }

    /** The page is no longer under the parent it was written under; {@code to} is empty at the top of the space. */
    record Moved(PageId from, Optional<PageId> to, boolean withItsParent) implements PageChange {
        public Moved {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public DriftKind kind() {
            return DriftKind.MOVED;
        }

        @Override
        public boolean isDrift() {
            return !withItsParent;
        }
    }

    /** Labels the connector put on the page, and still wants there, are gone. */
    record LabelsRemoved(Set<Label> labels) implements PageChange {
        public LabelsRemoved {
            labels = Set.copyOf(labels);
            if (labels.isEmpty()) {
                throw new IllegalArgumentException("no label was removed");
            }
        }

        @Override
        public DriftKind kind() {
            return DriftKind.LABELS_REMOVED;
        }
    }
}
