package ai.askel.confluence.domain;

import ai.askel.confluence.domain.error.VersionConflictException;
import ai.askel.confluence.domain.storage.StorageCanonicalForm;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A Confluence page as the connector sees it. Its version only moves forward: a revision is
 * always the current version + 1, and applying one that is not newer is a version conflict.
 */
public final class Page {
    private final PageId id;
    private final SpaceKey space;
    private final Title title;
    private final Optional<PageId> parentId;
    private final PageBody body;
    private final PageVersion version;
    private final PageLabels labels;
    private final Optional<String> webUrl;

    public Page(PageId id, SpaceKey space, Title title, Optional<PageId> parentId, PageBody body,
                PageVersion version, Set<Label> labels, Optional<String> webUrl) {
        this.id = Objects.requireNonNull(id, "id");
        this.space = Objects.requireNonNull(space, "space");
        this.title = Objects.requireNonNull(title, "title");
        this.parentId = Objects.requireNonNull(parentId, "parentId");
        this.body = Objects.requireNonNull(body, "body");
        this.version = Objects.requireNonNull(version, "version");
        this.labels = PageLabels.of(labels);
        this.webUrl = Objects.requireNonNull(webUrl, "webUrl");
    }

    /** The write that replaces this page's body (and title, if given) at the next version. */
    public PageRevision revise(Optional<Title> newTitle, PageBody newBody, Optional<String> message) {
        return new PageRevision(id, newTitle.orElse(title), newBody, version.number().next(), message);
    }

    /**
     * The revision to write when the caller based its change on {@code baseVersion}: if the page
     * has moved on since, nothing may be overwritten.
     */
    public PageRevision reviseFrom(Version baseVersion, Optional<Title> newTitle, PageBody newBody, Optional<String> message) {
        if (!baseVersion.equals(version.number())) {
            throw new VersionConflictException(
                    "page %s is at version %s, but the update was based on version %s; nothing was overwritten"
                            .formatted(id, version.number(), baseVersion),
                    OptionalInt.of(version.number().number()), null);
        }
        return revise(newTitle, newBody, message);
    }

    /**
     * What an explicit update of this page writes: nothing when the title and the canonical body already
     * are the ones asked for (unless {@code force}), otherwise the next revision. With a base version, a
     * page that moved past it is a version conflict, and nothing is overwritten.
     */
    public Optional<PageRevision> planUpdate(Optional<Version> baseVersion, Optional<Title> newTitle, PageBody newBody,
                                             Optional<String> message, boolean force) {
        PageRevision revision = baseVersion.isPresent()
                ? reviseFrom(baseVersion.get(), newTitle, newBody, message)
                : revise(newTitle, newBody, message);
        return !force && holds(revision.title(), newBody) ? Optional.empty() : Optional.of(revision);
    }

    /**
     * Whether this page is what writing {@code revision} leaves: at its version, with its title and
     * (canonically) its body. A write whose answer was lost, replayed and refused as a conflict was
     * applied after all when the page reads like this.
     */
    public boolean isResultOf(PageRevision revision) {
        return revision.pageId().equals(id) && version.number().equals(revision.version()) && holds(revision.title(), revision.body());
    }

    /**
     * Whether this page is what creating a page with this title, parent and body left: its first version,
     * there, with that title and (canonically) that body. A wiki body is converted by Confluence, so for one
     * the version, title and place decide. A create whose answer was lost is recovered only when the page
     * with its title reads like this; any other page is someone else's.
     */
    public boolean isCreatedAs(Title createdTitle, Optional<PageId> createdUnder, PageBody createdBody) {
        boolean sameBody = createdBody.representation() == BodyRepresentation.WIKI || holds(createdTitle, createdBody);
        return version.number().equals(Version.FIRST) && parentId.equals(createdUnder) && title.equals(createdTitle) && sameBody;
    }

    /** The same title and, for a storage body, the same canonical form (a wiki body is converted by Confluence, so never equal). */
    private boolean holds(Title otherTitle, PageBody otherBody) {
        return title.equals(otherTitle) && otherBody.representation() == BodyRepresentation.STORAGE
                && body.representation() == BodyRepresentation.STORAGE
                && StorageCanonicalForm.equivalent(body.value(), otherBody.value());
    }

    /** This page after the revision was written; a revision that is not newer is refused. */
    public Page apply(PageRevision revision, PageVersion written) {
        if (!revision.pageId().equals(id)) {
            throw new IllegalArgumentException("revision of page " + revision.pageId() + " applied to page " + id);
        }
        if (!written.number().isAfter(version.number())) {
            throw new VersionConflictException("version %s of page %s is not newer than version %s"
                    .formatted(written.number(), id, version.number()), OptionalInt.of(version.number().number()), null);
        }
        return new Page(id, space, revision.title(), revision.parentId().or(() -> parentId), revision.body(), written, labels.asSet(), webUrl);
    }

    public PageId id() {
        return id;
    }

    public SpaceKey space() {
        return space;
    }

    public Title title() {
        return title;
    }

    public Optional<PageId> parentId() {
        return parentId;
    }

    public PageBody body() {
        return body;
    }

    public PageVersion version() {
        return version;
    }

    public Set<Label> labels() {
        return labels.asSet();
    }

    public Optional<String> webUrl() {
        return webUrl;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Page other && id.equals(other.id) && version.number().equals(other.version.number());
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version.number());
    }

    @Override
    public String toString() {
        return "Page[" + id + " '" + title + "' in " + space + " v" + version.number() + "]";
    }
}
