package ai.askel.confluence.ports.out;

import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.PageId;
import java.util.Set;

/** Page labels (reads v2, writes v1: Confluence has no v2 label writes). */
public interface ConfluenceLabelsPort {
    /** Adds the labels in one call; answers every label now on the page. */
    Set<Label> add(ConfluenceAccess access, PageId page, Set<Label> labels);

    /** Removes one label (the query-parameter form, which also works for names with '/'). */
    void remove(ConfluenceAccess access, PageId page, Label label);

    /** Every label on the page, following pagination. */
    Set<Label> list(ConfluenceAccess access, PageId page);
}
