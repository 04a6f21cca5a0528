package ai.askel.confluence.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A runbook the connector keeps in a customer's Confluence: which environment it documents, which
 * template renders it from which inputs, where it lives, and what was last published. Its identity
 * in Confluence is the stored page id, never the title. Instances are immutable; each change returns
 * the next state, and {@link #revision()} lets the repository refuse a stale write.
 */
public final class Runbook {
    private final RunbookId id;
    private final WorkspaceId workspace;
    private final ConnectionId connection;
    private final SpaceKey space;
    private final Title parentTitle;
    private final Title title;
    private final TemplateRef template;
    private final TemplateInputs inputs;
    private final Set<Label> labels;
    private final Optional<PublishedState> published;
    private final RunbookStatus status;
    private final long revision;

    public Runbook(RunbookId id, WorkspaceId workspace, ConnectionId connection, SpaceKey space, Title parentTitle,
                   Title title, TemplateRef template, TemplateInputs inputs, Set<Label> labels,
                   Optional<PublishedState> published, RunbookStatus status, long revision) {
        this.id = Objects.requireNonNull(id, "id");
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.connection = Objects.requireNonNull(connection, "connection");
        this.space = Objects.requireNonNull(space, "space");
        this.parentTitle = Objects.requireNonNull(parentTitle, "parentTitle");
        this.title = Objects.requireNonNull(title, "title");
        this.template = Objects.requireNonNull(template, "template");
        this.inputs = Objects.requireNonNull(inputs, "inputs");
        this.labels = Set.copyOf(labels);
        this.published = Objects.requireNonNull(published, "published");
        this.status = Objects.requireNonNull(status, "status");
        if (revision < 0) {
            throw new IllegalArgumentException("revision must not be negative");
        }
        this.revision = revision;
        if (status != RunbookStatus.NEW && published.isEmpty() && status != RunbookStatus.FAILED) {
            throw new IllegalArgumentException("a runbook that was never published cannot be " + status);
        }
    }

    /** A runbook that has not been published yet. */
    public static Runbook create(WorkspaceId workspace, ConnectionId connection, SpaceKey space, Title parentTitle, Title title,
                                 TemplateRef template, TemplateInputs inputs, Set<Label> labels) {
        return new Runbook(RunbookId.random(), workspace, connection, space, parentTitle, title, template, inputs, labels,
                Optional.empty(), RunbookStatus.NEW, 0);
    }

    /** The same runbook asked to render with another template version, inputs or labels. */
    public Runbook withRequest(Title newParentTitle, TemplateRef newTemplate, TemplateInputs newInputs, Set<Label> newLabels) {
        return new Runbook(id, workspace, connection, space, newParentTitle, title, newTemplate, newInputs, newLabels,
                published, status, revision);
    }

    /** What publishing content with this hash has to do. */
    public PublishAction decide(ContentHash rendered) {
        return published.map(p -> p.contentHash().equals(rendered) ? PublishAction.NO_OP : PublishAction.UPDATE)
                .orElse(PublishAction.CREATE);
    }

    /** Whether Confluence's version of the page moved past the one the connector last wrote. */
    public boolean isEditedElsewhere(Version remoteVersion) {
        return published.map(p -> remoteVersion.isAfter(p.version())).orElse(false);
    }

    /** The runbook after a successful publish. */
    public Runbook published(PublishedState state) {
        if (published.isPresent() && !published.get().pageId().equals(state.pageId())) {
            throw new IllegalArgumentException("runbook %s is page %s; it cannot become page %s"
                    .formatted(id, published.get().pageId(), state.pageId()));
        }
        return new Runbook(id, workspace, connection, space, parentTitle, title, template, inputs, labels,
                Optional.of(state), RunbookStatus.PUBLISHED, revision);
    }

    public Runbook withStatus(RunbookStatus newStatus) {
        return new Runbook(id, workspace, connection, space, parentTitle, title, template, inputs, labels,
                published, newStatus, revision);
    }

    /** The same state at the next stored revision (the repository calls this when it saves). */
    public Runbook atRevision(long newRevision) {
        return new Runbook(id, workspace, connection, space, parentTitle, title, template, inputs, labels,
                published, status, newRevision);
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

    public TemplateRef template() {
        return template;
    }

    public TemplateInputs inputs() {
        return inputs;
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
