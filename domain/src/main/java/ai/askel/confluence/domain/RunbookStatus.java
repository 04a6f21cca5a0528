package ai.askel.confluence.domain;

/**
 * Where a runbook stands. A publish that fails part-way leaves the runbook as it was (a new runbook
 * stays {@link #NEW}); publishing again completes it, and the error is the publish's answer.
 */
public enum RunbookStatus {
    /** Recorded, never published. */
    NEW,
    /** The page in Confluence is what the connector last published. */
    PUBLISHED,
    /** The last drift scan found the page changed, moved or deleted in Confluence since the last publish. */
    DRIFTED
}
