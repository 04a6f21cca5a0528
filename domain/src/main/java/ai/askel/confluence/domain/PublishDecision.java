package ai.askel.confluence.domain;

import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * What a publish of a runbook has to do, decided by {@link Runbook#plan}: the step for the page, the
 * drift it found, and the labels and attachments to write. A publish carries it out; a dry run shows it.
 *
 * @param step                what to do with the page
 * @param action              the page action as the caller sees it (create, update or nothing)
 * @param drift               changes made in Confluence since the last publish (overwritten, skipped or refused)
 * @param labelsToAdd         the wanted labels the page lacks
 * @param attachmentsToUpload the files to upload: changed since the last publish, or all of them when an
 *                            overwrite restores attachments removed or replaced in Confluence
 * @param ownPage             whether the drift is on the runbook's own page (a drift scan records it as a finding to act on),
 *                            not on a page with its title that a first publish declined to take over
 */
public record PublishDecision(Step step, PublishAction action, List<PageDrift> drift, Set<Label> labelsToAdd,
                              List<String> attachmentsToUpload, boolean ownPage) {
    /** What happens to the page. */
    public enum Step {
        /** No page yet: create it. */
        CREATE,
        /** The page exists and holds other content: write the next version. */
        WRITE,
        /** The page already holds the content: write no version (labels and attachments may still be added). */
        KEEP,
        /** The page drifted and the policy is {@code skip}: write nothing at all. */
        SKIP,
        /** The page was deleted in Confluence and the policy is {@code overwrite}: forget it and create it again. */
        RECREATE,
        /** The page drifted and the policy is {@code fail}: write nothing and say why. */
        REFUSE
    }

    /** A decision about the runbook's own page. */
    public PublishDecision(Step step, PublishAction action, List<PageDrift> drift, Set<Label> labelsToAdd, List<String> attachmentsToUpload) {
        this(step, action, drift, labelsToAdd, attachmentsToUpload, true);
    }

    public PublishDecision {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(action, "action");
        drift = List.copyOf(drift);
        labelsToAdd = Set.copyOf(labelsToAdd);
        attachmentsToUpload = List.copyOf(attachmentsToUpload);
    }

    /** The accounts whose edits the drift names (their owners' names make the refusal's words). */
    public Set<String> editors() {
        return drift.stream().flatMap(d -> d.lastEditBy().stream()).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The error a refused publish (or its dry run) answers: what drifted, who edited it as {@code names} calls the
     * accounts of {@link #editors()}, and that nothing was overwritten.
     */
    public ConnectorException refusal(UnaryOperator<String> names) {
        boolean deleted = drift.stream().anyMatch(d -> d.kind() == DriftKind.DELETED);
        String what = drift.stream().map(d -> d.describe(names)).collect(Collectors.joining("; "));
        if (!ownPage) {
            return new ConnectorException(ErrorCode.DRIFT_DETECTED, what + "; nothing was overwritten. Publish with onDrift=overwrite"
                    + " (--on-drift overwrite in the CLI) to write the runbook over it (Confluence keeps its history), skip to leave it,"
                    + " or choose another title");
        }
        return new ConnectorException(ErrorCode.DRIFT_DETECTED, what + (deleted
                ? "; nothing was written. Publish with onDrift=overwrite (--on-drift overwrite in the CLI) to create it again, or skip"
                        + " to leave it"
                : "; nothing was overwritten. Publish with onDrift=overwrite (--on-drift overwrite in the CLI) to replace it, or skip"
                        + " to leave it, or act on the drift finding: overwrite or adopt it (acknowledging it only mutes the report;"
                        + " the publish is still refused)"));
    }
}
