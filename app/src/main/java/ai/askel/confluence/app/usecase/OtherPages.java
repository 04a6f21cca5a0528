package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.PermissionDeniedException;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Pages the connector does not manage that one drift scan reads, each at most once: the parent a page was moved away
 * from or to (named in its finding), and a recorded parent that may be gone.
 */
final class OtherPages {
    private final PageSightings sightings;
    private final ConfluenceAccess access;
    /** Pages read in this scan (empty when gone). */
    private final Map<PageId, Optional<Page>> readOnce = new HashMap<>();

    OtherPages(PageSightings sightings, ConfluenceAccess access) {
        this.sightings = sightings;
        this.access = access;
    }

    /** Only to name a place in a message: a page that cannot be read is named by its id, and the scan goes on. */
    Optional<Title> titleOf(PageId id) {
        try {
            return read(id).map(Page::title);
        } catch (ConnectorException e) {
            return Optional.empty();
        }
    }

    /** Whether a page is deleted or in the trash; one the user may not read is not known to be gone. */
    boolean gone(PageId id) {
        try {
            return read(id).isEmpty();
        } catch (PermissionDeniedException e) {
            return false;
        }
    }

    private Optional<Page> read(PageId id) {
        Optional<Page> known = readOnce.get(id);
        if (known == null) {
            known = sightings.read(access, id);
            readOnce.put(id, known);
        }
        return known;
    }
}
