package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftFindingId;

/**
 * Accepts the page as it is now as the new baseline: the hand edit, title, place, labels or attachment that the finding
 * reports become what the connector compares against, the runbook's inputs stay as they are, and a publish with the
 * same inputs leaves the page alone. A deleted page is forgotten (the next publish creates it again). Audited.
 */
public interface AdoptDriftFindingUseCase {
    /** Answers the finding as it now stands (resolved); a finding about the whole connection cannot be adopted. */
    DriftFinding adopt(ConnectionRef ref, DriftFindingId finding);
}
