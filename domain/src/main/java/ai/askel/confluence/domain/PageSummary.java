package ai.askel.confluence.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A page as listings and searches return it: no body. {@code labels} holds what the listing
 * carried (a search expands them; other listings may not, and then it is empty). {@code attachments}
 * is present only when the listing carried <b>all</b> of the page's attachments. {@code parentTitle} is the parent's title
 * where the listing carried it (a search's ancestors do; it names the place a page moved to without another call).
 */
public record PageSummary(PageId id, Optional<SpaceKey> space, Title title, Optional<PageId> parentId, PageVersion version,
                          Set<Label> labels, Optional<String> webUrl, Optional<List<Attachment>> attachments,
                          Optional<Title> parentTitle) {
    /** A summary from a listing that did not carry the parent's title. */
    public PageSummary(PageId id, Optional<SpaceKey> space, Title title, Optional<PageId> parentId, PageVersion version,
                       Set<Label> labels, Optional<String> webUrl, Optional<List<Attachment>> attachments) {
        this(id, space, title, parentId, version, labels, webUrl, attachments, Optional.empty());
    }

    /** A summary from a listing that did not carry the page's attachments. */
    public PageSummary(PageId id, Optional<SpaceKey> space, Title title, Optional<PageId> parentId, PageVersion version,
                       Set<Label> labels, Optional<String> webUrl) {
        this(id, space, title, parentId, version, labels, webUrl, Optional.empty());
    }

    public PageSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(version, "version");
        labels = Set.copyOf(labels);
        Objects.requireNonNull(webUrl, "webUrl");
        attachments = attachments.map(List::copyOf);
        Objects.requireNonNull(parentTitle, "parentTitle");
    }
}
