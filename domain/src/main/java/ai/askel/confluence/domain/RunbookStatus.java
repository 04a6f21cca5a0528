package ai.askel.confluence.domain;

/** Where a runbook stands. */
public enum RunbookStatus {
    /** Recorded, never published. */
    NEW,
    /** The page in Confluence is what the connector last published. */
    PUBLISHED,
    /** The page was changed, moved or deleted in Confluence since the last publish. */
    DRIFTED,
    /** The last publish failed part-way; publishing again completes it. */
    FAILED
}
