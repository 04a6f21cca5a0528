package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.RunbookId;
import ai.askel.confluence.domain.Version;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a publish: the runbook, its page and version, what happened, and the plan followed. A dry
 * run of a runbook that was never stored has no runbook id (it plans without storing anything).
 */
public record PublishResult(Optional<RunbookId> runbook, Optional<PageId> pageId, Optional<Version> version, PublishOutcome outcome,
                            Optional<String> webUrl, PublishPlan plan, List<DriftFinding> driftOverridden) {
    public PublishResult {
        Objects.requireNonNull(runbook, "runbook");
        Objects.requireNonNull(pageId, "pageId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(webUrl, "webUrl");
        Objects.requireNonNull(plan, "plan");
        driftOverridden = List.copyOf(driftOverridden);
    }
}
