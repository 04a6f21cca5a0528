package ai.askel.confluence.ports.out;

import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.PageRevision;
import ai.askel.confluence.domain.PageSummary;
import ai.askel.confluence.domain.PageVersion;
import ai.askel.confluence.domain.Slice;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.Version;
import java.util.List;
import java.util.Optional;

/** Pages in a customer's Confluence (v2 {@code /pages}). */
public interface ConfluencePagesPort {
    /** Creates the page; one POST, never replayed blindly (a lost response is recovered by the caller). */
    Page create(ConfluenceAccess access, NewPage page);

    /** The page with its storage body, all its labels, version and space key; empty if absent or not visible. */
    Optional<Page> read(ConfluenceAccess access, PageId id);

    /** The page with exactly this title in the space (v2 title lookup, not CQL: the index lags writes). */
    Optional<PageSummary> findByTitle(ConfluenceAccess access, SpaceKey space, Title title);

    /**
     * Writes exactly this revision with one PUT, for a caller that has just read the page and knows its
     * title, labels and version; answers the version written. A page that moved on is a version
     * conflict, and nothing is overwritten. A PUT whose answer was lost is replayed (its version number
     * makes a replay harmless); when the replay is refused as a conflict because the first PUT was applied
     * after all (the page reads as this revision), that is the answer, not a conflict.
     */
    PageVersion write(ConfluenceAccess access, PageRevision revision);

    /** The page's versions, newest first. */
    Slice<PageVersion> versions(ConfluenceAccess access, PageId id, int limit, Optional<String> cursor);

    /** An older version of the page, with its body. */
    Optional<Page> readVersion(ConfluenceAccess access, PageId id, Version version);

    /** The page's direct child pages. */
    Slice<PageSummary> children(ConfluenceAccess access, PageId id, int limit, Optional<String> cursor);

    /** The page's ancestors, from the top of the tree down to its parent. */
    List<PageId> ancestors(ConfluenceAccess access, PageId id);
}
