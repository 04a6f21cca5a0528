package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.DriftPolicy;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.ports.out.AttachmentUpload;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Publish (create or update) a runbook page titled {@code title}, from {@code source} (a template and
 * its inputs, or a body the caller supplied), under the parent page titled {@code parentTitle} (default
 * "Customer Environments") in {@code space}, with labels (default auto-generated and customer-runbook)
 * and attachments. {@code dryRun} plans without writing anything.
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
        attachments = List.copyOf(attachments);
        Objects.requireNonNull(onDrift, "onDrift");
    }

    /** A publish rendered by the template {@code templateId} from {@code inputs}. */
    public PublishRunbookCommand(ConnectionRef ref, SpaceKey space, Optional<Title> parentTitle, Title title, String templateId,
                                 TemplateInputs inputs, Optional<Set<Label>> labels, List<AttachmentUpload> attachments,
                                 DriftPolicy onDrift, boolean dryRun) {
        this(ref, space, parentTitle, title, new PublishSource.FromTemplate(templateId, inputs), labels, attachments, onDrift, dryRun);
    }

    public Title effectiveParentTitle() {
        return parentTitle.orElse(DEFAULT_PARENT_TITLE);
    }

    public Set<Label> effectiveLabels() {
        return labels.orElse(DEFAULT_LABELS);
    }
}
