package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftFindingId;

/**
 * Puts back what the connector last wrote: the body, title and labels, and the page under its parent again; a
 * deleted runbook page is published again from its stored inputs. An attachment the connector does not keep a copy
 * of cannot be restored: the error names the file, its size and SHA-256 and where to send it. Audited.
 */
public interface OverwriteDriftFindingUseCase {
    /**
     * Answers the finding as it now stands (resolved); a finding about the whole connection cannot be overwritten. A deleted
     * runbook page published again without the files it carried answers the {@code ATTACHMENT_MISSING} finding opened on the
     * new page instead, naming each file to send again and where; it stays open until they are sent.
     */
    DriftFinding overwrite(ConnectionRef ref, DriftFindingId finding);
}
