package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.PageId;
import java.util.Set;

/** Adds and removes page labels (lower-cased, as Confluence stores them). */
public interface ManageLabelsUseCase {
    /** Adds the labels (at most {@link Label#MAX_PER_REQUEST}) in one call; answers every label now on the page. */
    Set<Label> add(ConnectionRef ref, PageId page, Set<Label> labels);

    /** Removes the label; removing one that is not there is not an error. */
    void remove(ConnectionRef ref, PageId page, Label label);
}
