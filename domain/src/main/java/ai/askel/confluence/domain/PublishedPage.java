package ai.askel.confluence.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the connector last wrote to a page it manages (or took as it found it): its title, the parent it put it under
 * (empty for a parent recorded before the connector kept that), its labels and its content baseline ({@code content} is
 * empty when the content is not the connector's: an adopted parent, whose edits are no drift).
 *
 * <p>{@link #driftIn} is the one rule for a page's drift: a publish, its dry run and a drift scan all ask it.
 */
public record PublishedPage(Title title, Optional<PageId> parentId, Set<Label> labels, Optional<ContentBaseline> content) {
    public PublishedPage {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(parentId, "parentId");
        labels = Set.copyOf(labels);
        Objects.requireNonNull(content, "content");
    }

    /** Whether a page at version {@code now} may hold an edit of the connector's content, so its body is worth reading. */
    public boolean mayBeEditedAt(Version now) {
        return content.map(c -> c.mayBeEditedAt(now)).orElse(false);
    }

    /** {@link #driftIn(PageSighting, Collection, Set)} when no parent is known to be gone. */
    public List<PageChange> driftIn(PageSighting now, Collection<Label> stillWanted) {
        return driftIn(now, stillWanted, Set.of());
    }

    /**
     * What changed in Confluence since the connector wrote the page:
     * <ul>
     *   <li>edited: the version moved past the baseline and the body, read, differs in canonical form ({@link ContentBaseline});
     *   <li>renamed: the title is no longer the one written;
     *   <li>moved: the page is no longer under the parent it was written under; when that parent is among {@code goneParents}
     *       (found deleted or trashed, so Confluence moved its children up a level) the move is not the page's own drift;
     *   <li>labels removed: labels written to the page, and still in {@code stillWanted}, that it no longer has. A label the
     *       runbook no longer asks for is not drift when someone removes it: a publish would not put it back.
     * </ul>
     */
    public List<PageChange> driftIn(PageSighting now, Collection<Label> stillWanted, Set<PageId> goneParents) {
        List<PageChange> changes = new ArrayList<>();
        // the body is parsed only when the version moved: a page at its baseline's version was not edited
        if (content.isPresent() && now.body().isPresent() && content.get().mayBeEditedAt(now.version())
                && content.get().isEditedBy(now.version(), ContentBaseline.fingerprint(title, now.body().get().value()))) {
            changes.add(new PageChange.Edited(now.version(), content.get().version(), now.lastEditBy()));
        }
        if (!now.title().equals(title)) {
            changes.add(new PageChange.Renamed(now.title()));
        }
        if (parentId.isPresent() && !now.parentId().equals(parentId)) {
            changes.add(new PageChange.Moved(parentId.get(), now.parentId(), goneParents.contains(parentId.get())));
        }
        Set<Label> removed = PageLabels.of(now.labels()).removedSince(labels, stillWanted);
        if (!removed.isEmpty()) {
            changes.add(new PageChange.LabelsRemoved(removed));
        }
        return List.copyOf(changes);
    }

    /** The change of this kind among {@code changes}, if there is one. */
    public static <T extends PageChange> Optional<T> find(List<PageChange> changes, Class<T> kind) {
        return changes.stream().filter(kind::isInstance).map(kind::cast).findFirst();
    }
}
