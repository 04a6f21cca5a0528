package ai.askel.confluence.ports.out;

import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.ContentBaseline;
import ai.askel.confluence.domain.ContentHash;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.PublishedPage;
import ai.askel.confluence.domain.RunbookId;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A page the connector created and keeps: a runbook page or a parent it made. What was last
 * written is what drift detection compares Confluence against.
 */
public record ManagedPage(ConnectionId connection, PageId pageId, SpaceKey space, Title title, Optional<PageId> parentId,
                          Role role, Optional<RunbookId> runbook, Version version, ContentHash contentHash,
                          Set<Label> labels, Instant updatedAt) {
    /**
     * Why the connector manages the page: a runbook page, a parent page it created, or a parent page that
     * already existed and was adopted (whose content is the customer's, so an edit of it is no drift).
     */
    public enum Role { RUNBOOK, PARENT, ADOPTED_PARENT }

    public ManagedPage {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(pageId, "pageId");
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(runbook, "runbook");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(contentHash, "contentHash");
        labels = Set.copyOf(labels);
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** What the connector last knew the page to hold, as the drift rule compares it. */
    public ContentBaseline baseline() {
        return new ContentBaseline(version, contentHash);
    }

    /**
     * The page as the connector wrote it (or took it), as its drift is judged ({@link PublishedPage#driftIn}): the content
     * of a page whose content is not the connector's is not compared.
     */
    public PublishedPage written() {
        return new PublishedPage(title, parentId, labels, ownsContent() ? Optional.of(baseline()) : Optional.empty());
    }

    /**
     * Whether the page's content is the connector's, so an edit of it is drift. An adopted parent's is not
     * (older records marked one as a parent whose content hash is that of an empty body).
     */
    public boolean ownsContent() {
        return role != Role.ADOPTED_PARENT && !contentHash.equals(ContentBaseline.fingerprint(title, ""));
    }
}
