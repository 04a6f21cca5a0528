package ai.askel.confluence.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A runbook the connector keeps in a customer's Confluence: where its body comes from (a template and
 * its inputs, or a body the caller supplied), where it lives, and what was last published. Its identity
 * in Confluence is the stored page id, never the title. Instances are immutable; each change returns the
 * next state, and {@link #revision()} lets the repository refuse a stale write.
 *
 * <p>The runbook decides what a publish does ({@link #plan}); a publish and its dry run both ask it.
 */
public final class Runbook {
    private final RunbookId id;
    private final WorkspaceId workspace;
    private final ConnectionId connection;
    private final SpaceKey space;
    private final Title parentTitle;
    private final Title title;
    private final RunbookSource source;
    private final Set<Label> labels;
    private final Optional<PublishedState> published;
    private final RunbookStatus status;
    private final long revision;

    public Runbook(RunbookId id, WorkspaceId workspace, ConnectionId connection, SpaceKey space, Title parentTitle,
                   Title title, RunbookSource source, Set<Label> labels,
                   Optional<PublishedState> published, RunbookStatus status, long revision) {
        this.id = Objects.requireNonNull(id, "id");
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.connection = Objects.requireNonNull(connection, "connection");
        this.space = Objects.requireNonNull(space, "space");
        this.parentTitle = Objects.requireNonNull(parentTitle, "parentTitle");
        this.title = Objects.requireNonNull(title, "title");
        this.source = Objects.requireNonNull(source, "source");
        this.labels = Set.copyOf(labels);
        this.published = Objects.requireNonNull(published, "published");
        this.status = Objects.requireNonNull(status, "status");
        if (revision < 0) {
            throw new IllegalArgumentException("revision must not be negative");
        }
        this.revision = revision;
        if ((status == RunbookStatus.NEW) != published.isEmpty()) {
            throw new IllegalArgumentException("a runbook is NEW exactly while it was never published, not " + status);
        }
    }

    /** A runbook that has not been published yet. */
    public static Runbook create(WorkspaceId workspace, ConnectionId connection, SpaceKey space, Title parentTitle, Title title,
                                 RunbookSource source, Set<Label> labels) {
        return new Runbook(RunbookId.random(), workspace, connection, space, parentTitle, title, source, labels,
                Optional.empty(), RunbookStatus.NEW, 0);
    }

    /** The same runbook asked to publish from another source (template version, inputs or body), parent or labels. */
    public Runbook withRequest(Title newParentTitle, RunbookSource newSource, Set<Label> newLabels) {
        return new Runbook(id, workspace, connection, space, newParentTitle, title, newSource, newLabels, published, status, revision);
    }

    /** Whether publishing with this source, parent and labels asks for something other than what is stored. */
    public boolean differsFrom(Title otherParentTitle, RunbookSource otherSource, Set<Label> otherLabels) {
        return !(parentTitle.equals(otherParentTitle) && source.equals(otherSource) && labels.equals(Set.copyOf(otherLabels)));
    }

    /**
     * Decides what publishing {@code content} does, given the page as Confluence holds it now: for a
     * runbook never published, the page with its title under its parent if there is one (see {@link #adopt}); for a
     * published runbook, its page read by id (empty when deleted). {@code attachmentDrift} is what the last
     * drift scan found about the page's attachments (reading them on every publish would cost a call).
     * {@code writer} is the Confluence account the connection writes as.
     */
    public PublishDecision plan(Optional<Page> remote, RunbookContent content, DriftPolicy policy, List<PageDrift> attachmentDrift,
                                Optional<String> writer) {
        if (published.isEmpty()) {
            return remote.map(page -> adopt(page, content, policy, writer))
                    .orElseGet(() -> new PublishDecision(PublishDecision.Step.CREATE, PublishAction.CREATE, List.of(), content.labels(),
                            content.attachmentNames()));
        }
        PublishedState state = published.get();
        if (remote.isEmpty()) {
            List<PageDrift> deleted = List.of(new PageDrift(DriftKind.DELETED,
                    "page %s '%s' was deleted in Confluence since the last publish".formatted(state.pageId(), state.title())));
            return switch (policy) {
                case FAIL -> new PublishDecision(PublishDecision.Step.REFUSE, PublishAction.NO_OP, deleted, Set.of(), List.of());
                case SKIP -> new PublishDecision(PublishDecision.Step.SKIP, PublishAction.NO_OP, deleted, Set.of(), List.of());
                case OVERWRITE -> new PublishDecision(PublishDecision.Step.RECREATE, PublishAction.CREATE, deleted, content.labels(),
                        content.attachmentNames());
            };
        }
        Page page = remote.get();
        // held: the page shows what this request renders, or the request is unchanged and the page is still at the version
        // recorded as the baseline (a person adopted the page as it is: it stays until the inputs change)
        boolean held = content.isHeldBy(page, source, published) || state.version().equals(page.version().number())
                && content.expectedHash().map(state.contentHash()::equals).orElse(false);
        // the one drift rule; a move does not block a publish (it updates the page where it is), so it is not asked about here
        List<PageChange> changes = state.written().driftIn(PageSighting.of(page), content.labels());
        List<PageDrift> drift = new ArrayList<>();
        if (!held) {
            editOrRename(state, changes).ifPresent(drift::add);
        }
        PublishedPage.find(changes, PageChange.LabelsRemoved.class).ifPresent(removed -> drift.add(new PageDrift(DriftKind.LABELS_REMOVED,
                "labels %s were removed from page %s '%s' in Confluence since the last publish".formatted(
                        String.join(", ", removed.labels().stream().sorted().map(Label::name).toList()), state.pageId(), state.title()))));
        if (!content.attachments().isEmpty()) {
            drift.addAll(attachmentDrift);
        }
        if (!drift.isEmpty() && policy != DriftPolicy.OVERWRITE) {
            PublishDecision.Step step = policy == DriftPolicy.FAIL ? PublishDecision.Step.REFUSE : PublishDecision.Step.SKIP;
            return new PublishDecision(step, PublishAction.NO_OP, drift, Set.of(), List.of());
        }
        boolean restoreAttachments = drift.stream().anyMatch(PageDrift::concernsAttachments);
        return new PublishDecision(held ? PublishDecision.Step.KEEP : PublishDecision.Step.WRITE,
                held ? PublishAction.NO_OP : PublishAction.UPDATE, drift, PageLabels.of(page.labels()).missing(content.labels()),
                restoreAttachments ? content.attachmentNames() : content.attachmentsChangedSince(published));
    }

    /**
     * What a first publish does with the page that already has its title under its parent. The page is taken over when it
     * shows this content already or when the connection's own account wrote its current version (a create whose answer
     * was lost, a crash before the publish was recorded, a runbook registered again): never two pages. A page someone
     * else wrote last is a person's work (or another tool's) and is replaced only under {@code overwrite}, as an edit
     * of a published page is.
     */
    private PublishDecision adopt(Page page, RunbookContent content, DriftPolicy policy, Optional<String> writer) {
        boolean held = content.isHeldBy(page, source, published);
        Set<Label> labelsToAdd = PageLabels.of(page.labels()).missing(content.labels());
        if (held || writer.isPresent() && page.version().authorId().equals(writer)) {
            return new PublishDecision(held ? PublishDecision.Step.KEEP : PublishDecision.Step.WRITE,
                    held ? PublishAction.NO_OP : PublishAction.UPDATE, List.of(), labelsToAdd, content.attachmentNames());
        }
        List<PageDrift> foreign = List.of(new PageDrift(DriftKind.EDITED_IN_CONFLUENCE, ("page %s '%s' already exists under the"
                + " runbook's parent and was not written by this connection's account; the connector takes over only a page it wrote")
                .formatted(page.id(), page.title()), page.version().authorId()));
        return switch (policy) {
            case FAIL -> new PublishDecision(PublishDecision.Step.REFUSE, PublishAction.NO_OP, foreign, Set.of(), List.of(), false);
            case SKIP -> new PublishDecision(PublishDecision.Step.SKIP, PublishAction.NO_OP, foreign, Set.of(), List.of(), false);
            case OVERWRITE -> new PublishDecision(PublishDecision.Step.WRITE, PublishAction.UPDATE, foreign, labelsToAdd,
                    content.attachmentNames(), false);
        };
    }

    /** An edit (which wins) or a rename made in Confluence since the last publish, as one drift in the publish's words. */
    private static Optional<PageDrift> editOrRename(PublishedState state, List<PageChange> changes) {
        Optional<PageChange.Edited> edited = PublishedPage.find(changes, PageChange.Edited.class);
        Optional<PageChange.Renamed> renamed = PublishedPage.find(changes, PageChange.Renamed.class);
        List<String> words = new ArrayList<>();
        edited.ifPresent(e -> words.add("edited (now version %s; the connector published version %s)".formatted(e.version(), e.published())));
        renamed.ifPresent(r -> words.add("renamed to '%s'".formatted(r.to())));
        return words.isEmpty() ? Optional.empty()
                : Optional.of(new PageDrift(edited.isPresent() ? DriftKind.EDITED_IN_CONFLUENCE : DriftKind.RENAMED,
                "page %s '%s' was %s in Confluence since the last publish"
                        .formatted(state.pageId(), state.title(), String.join(" and ", words)),
                edited.flatMap(PageChange.Edited::by)));
    }

    /** The runbook after a successful publish. */
    public Runbook published(PublishedState state) {
        if (published.isPresent() && !published.get().pageId().equals(state.pageId())) {
            throw new IllegalArgumentException("runbook %s is page %s; it cannot become page %s"
                    .formatted(id, published.get().pageId(), state.pageId()));
        }
        return new Runbook(id, workspace, connection, space, parentTitle, title, source, labels,
                Optional.of(state), RunbookStatus.PUBLISHED, revision);
    }

    /**
     * The runbook whose page Confluence moved under {@code parent} when the parent it was published under went away (a
     * trashed parent's children move up a level): that is where the page lives from now on.
     */
    public Runbook placedUnder(PageId parent) {
        PublishedState state = published.orElseThrow(() -> new IllegalStateException("runbook " + id + " was never published"));
        return new Runbook(id, workspace, connection, space, parentTitle, title, source, labels, Optional.of(state.under(parent)), status,
                revision);
    }

    /**
     * The runbook whose page was deleted in Confluence, starting over as never published (at its stored
     * revision), so that an overwrite creates the page again.
     */
    public Runbook forgetDeletedPage() {
        return new Runbook(id, workspace, connection, space, parentTitle, title, source, labels, Optional.empty(), RunbookStatus.NEW,
                revision);
    }

    /** The runbook as a drift scan found it: {@code DRIFTED} while its page has open findings, {@code PUBLISHED} again after. */
    public Runbook scanned(boolean drifted) {
        if (published.isEmpty()) {
            throw new IllegalStateException("runbook " + id + " was never published; a drift scan cannot have checked it");
        }
        return new Runbook(id, workspace, connection, space, parentTitle, title, source, labels, published,
                drifted ? RunbookStatus.DRIFTED : RunbookStatus.PUBLISHED, revision);
    }

    /** The same state at the next stored revision (the repository calls this when it saves). */
    public Runbook atRevision(long newRevision) {
        return new Runbook(id, workspace, connection, space, parentTitle, title, source, labels, published, status, newRevision);
    }

    /** The files this runbook's page carries once a publish sending {@code sentNow} is done: those and the ones published before. */
    public List<String> attachmentNamesWith(List<String> sentNow) {
        List<String> names = new ArrayList<>(sentNow);
        published.ifPresent(p -> p.attachmentNames().stream().filter(n -> !names.contains(n)).forEach(names::add));
        return List.copyOf(names);
    }

    public RunbookId id() {
        return id;
    }

    public WorkspaceId workspace() {
        return workspace;
    }

    public ConnectionId connection() {
        return connection;
    }

    public SpaceKey space() {
        return space;
    }

    public Title parentTitle() {
        return parentTitle;
    }

    public Title title() {
        return title;
    }

    public RunbookSource source() {
        return source;
    }

    public Set<Label> labels() {
        return labels;
    }

    public Optional<PublishedState> published() {
        return published;
    }

    public Optional<PageId> pageId() {
        return published.map(PublishedState::pageId);
    }

    public RunbookStatus status() {
        return status;
    }

    public long revision() {
        return revision;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Runbook other && id.equals(other.id) && revision == other.revision;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, revision);
    }

    @Override
    public String toString() {
        return "Runbook[" + id + " '" + title + "' in " + space + ", " + status + pageId().map(p -> ", page " + p).orElse("") + "]";
    }
}
