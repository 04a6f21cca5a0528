package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftFindingId;

/**
 * Mutes an open drift finding until what the scan sees changes again (the page is edited again, another label goes):
 * it stays listed, but no longer marks its runbook drifted or makes {@code drift} exit 3. Audited.
 */
public interface AcknowledgeDriftFindingUseCase {
    /** Answers the finding as it now stands; a resolved finding is answered unchanged. */
    DriftFinding acknowledge(ConnectionRef ref, DriftFindingId finding);
}
