package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.DriftPolicy;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.PublishSource;
import ai.askel.confluence.domain.RunbookContent;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.ports.out.AttachmentUpload;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Publish (create or update) a runbook page titled {@code title}, from {@code source} (a template and
 * its inputs, or a body the caller supplied), under the parent page titled {@code parentTitle} (default
 * "Customer Environments") in {@code space}, with labels (default auto-generated and customer-runbook; at most
 * {@link Label#MAX_PER_REQUEST}, a template's default labels included) and attachments (at most
 * {@link RunbookContent#MAX_ATTACHMENTS}). {@code dryRun} plans without writing anything.
 */
public record PublishRunbookCommand(ConnectionRef ref, SpaceKey space, Optional<Title> parentTitle, Title title, PublishSource source,
                                    Optional<Set<Label>> labels, List<AttachmentUpload> attachments, DriftPolicy onDrift,
                                    boolean dryRun) {
    public static final Title DEFAULT_PARENT_TITLE = Title.of("Customer Environments");
    public static final Set<Label> DEFAULT_LABELS = Set.of(Label.of("auto-generated"), Label.of("customer-runbook"));

    public PublishRunbookCommand {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(parentTitle, "parentTitle");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(source, "source");
        labels = labels.map(Set::copyOf);
        labels.ifPresent(l -> Label.checkCount(l.size()));
        attachments = List.copyOf(attachments);
        RunbookContent.checkAttachmentCount(attachments.size());
        Objects.requireNonNull(onDrift, "onDrift");
    }

    /** A publish rendered by the template {@code templateId} from {@code inputs}. */
    public PublishRunbookCommand(ConnectionRef ref, SpaceKey space, Optional<Title> parentTitle, Title title, String templateId,
                                 TemplateInputs inputs, Optional<Set<Label>> labels, List<AttachmentUpload> attachments,
                                 DriftPolicy onDrift, boolean dryRun) {
        this(ref, space, parentTitle, title, new PublishSource.FromTemplate(templateId, inputs), labels, attachments, onDrift, dryRun);
    }

    /**
     * A command to publish through {@code ref}, with named parts instead of nine positional ones. Space, title and
     * either a template (with its inputs) or a body are required; the rest default as documented on the record.
     *
     * <pre>{@code
     * PublishRunbookCommand.builder(ref).space("OPS").title("Acme Production").template("customer-environment")
     *         .inputs(Map.of("customer", "Acme")).build();
     * }</pre>
     */
    public static Builder builder(ConnectionRef ref) {
        return new Builder(ref);
    }

    /** Builds a {@link PublishRunbookCommand}; each setter names its part. */
    public static final class Builder {
        private final ConnectionRef ref;
        private SpaceKey space;
        private Optional<Title> parentTitle = Optional.empty();
        private Title title;
        private String templateId;
        private TemplateInputs inputs = TemplateInputs.empty();
        private ai.askel.confluence.domain.PageBody body;
        private Optional<Set<Label>> labels = Optional.empty();
        private final List<AttachmentUpload> attachments = new java.util.ArrayList<>();
        private DriftPolicy onDrift = DriftPolicy.FAIL;
        private boolean dryRun;

        private Builder(ConnectionRef ref) {
            this.ref = Objects.requireNonNull(ref, "ref");
        }

        public Builder space(SpaceKey key) {
            this.space = key;
            return this;
        }

        public Builder space(String key) {
            return space(SpaceKey.of(key));
        }

        /** The parent page's title (default {@link #DEFAULT_PARENT_TITLE}). */
        public Builder parentTitle(String parent) {
            this.parentTitle = Optional.of(Title.of(parent));
            return this;
        }

        public Builder title(Title pageTitle) {
            this.title = pageTitle;
            return this;
        }

        public Builder title(String pageTitle) {
            return title(Title.of(pageTitle));
        }

        public Builder template(String id) {
            this.templateId = id;
            return this;
        }

        public Builder inputs(TemplateInputs values) {
            this.inputs = values;
            return this;
        }

        public Builder inputs(java.util.Map<String, Object> values) {
            return inputs(new TemplateInputs(values));
        }

        /** Exactly this body instead of a template's rendering. */
        public Builder body(ai.askel.confluence.domain.PageBody supplied) {
            this.body = supplied;
            return this;
        }

        /** The page's labels instead of {@link #DEFAULT_LABELS}. */
        public Builder labels(Set<Label> pageLabels) {
            this.labels = Optional.of(pageLabels);
            return this;
        }

        public Builder attachment(AttachmentUpload upload) {
            attachments.add(Objects.requireNonNull(upload, "upload"));
            return this;
        }

        /** What to do when the page was edited by hand since the last publish (default {@link DriftPolicy#FAIL}). */
        public Builder onDrift(DriftPolicy policy) {
            this.onDrift = policy;
            return this;
        }

        /** Plan only: nothing is written to Confluence or the database. */
        public Builder dryRun(boolean plan) {
            this.dryRun = plan;
            return this;
        }

        /**
         * The command.
         *
         * @throws InvalidInputException naming every part missing or in conflict, as the HTTP API names its fields
         *                               ({@code spaceKey}, {@code title}, {@code template})
         */
        public PublishRunbookCommand build() {
            List<InvalidInputException.Problem> problems = new java.util.ArrayList<>();
            if (space == null) {
                problems.add(new InvalidInputException.Problem("spaceKey", "is required"));
            }
            if (title == null) {
                problems.add(new InvalidInputException.Problem("title", "is required"));
            }
            if (templateId == null && body == null) {
                problems.add(new InvalidInputException.Problem("template", "is required (or give a body instead)"));
            } else if (templateId != null && body != null) {
                problems.add(new InvalidInputException.Problem("template", "cannot be combined with body: publish from a template or a body"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            PublishSource source = body != null ? new PublishSource.Supplied(body) : new PublishSource.FromTemplate(templateId, inputs);
            return new PublishRunbookCommand(ref, space, parentTitle, title, source, labels, attachments, onDrift, dryRun);
        }
    }

    public Title effectiveParentTitle() {
        return parentTitle.orElse(DEFAULT_PARENT_TITLE);
    }

    public Set<Label> effectiveLabels() {
        return labels.orElse(DEFAULT_LABELS);
    }
}
