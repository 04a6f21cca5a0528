package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PublishDecision;

/**
 * A first publish's create met a page with the runbook's title that the runbook may not take over (someone else wrote it,
 * and the policy is not {@code overwrite}): the publish ends as the runbook decided, refused or skipped, writing nothing.
 */
final class TakeoverDeclined extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient PublishDecision decision;

    TakeoverDeclined(Page page, PublishDecision decision) {
        super("page " + page.id() + " is not taken over: " + decision.step(), null, false, false);
        this.decision = decision;
    }

    PublishDecision decision() {
        return decision;
    }
}
