package ai.askel.confluence.domain;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The labels on a page. Label names are compared as Confluence compares them (case-insensitively,
 * which {@link Label}'s normalisation guarantees): adding one already there changes nothing, and
 * removing one that is absent is a no-op.
 */
public final class PageLabels {
    private final TreeSet<Label> labels;

    private PageLabels(Collection<Label> labels) {
        this.labels = new TreeSet<>(labels);
    }

    public static PageLabels of(Collection<Label> labels) {
        return new PageLabels(labels);
    }

    public static PageLabels none() {
        return new PageLabels(Set.of());
    }

    /** Adds the labels; answers those that were not there before (the ones worth sending). */
    public Set<Label> add(Collection<Label> toAdd) {
        Set<Label> added = new TreeSet<>();
        for (Label label : toAdd) {
            if (labels.add(label)) {
                added.add(label);
            }
        }
        return Collections.unmodifiableSet(added);
    }

    /** Removes the label; answers whether it was there. */
    public boolean remove(Label label) {
        return labels.remove(label);
    }

    public boolean contains(Label label) {
        return labels.contains(label);
    }

    /** Those of {@code wanted} that this page lacks. */
    public Set<Label> missing(Collection<Label> wanted) {
        Set<Label> missing = new TreeSet<>(wanted);
        missing.removeAll(labels);
        return Collections.unmodifiableSet(missing);
    }

    /** Of the labels last published and still wanted, those this page no longer has: removed in Confluence. */
    public Set<Label> removedSince(Collection<Label> published, Collection<Label> wanted) {
        Set<Label> removed = new TreeSet<>(published);
        removed.retainAll(Set.copyOf(wanted));
        removed.removeAll(labels);
        return Collections.unmodifiableSet(removed);
    }

    public Set<Label> asSet() {
        return Collections.unmodifiableSet(new TreeSet<>(labels));
    }

    public int size() {
        return labels.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PageLabels other && labels.equals(other.labels);
    }

    @Override
    public int hashCode() {
        return labels.hashCode();
    }

    @Override
    public String toString() {
        return labels.toString();
    }
}
