package ai.askel.confluence.domain;

/** What a job does with each of its items. */
public enum JobKind {
    /** Each item publishes one runbook page. */
    RUNBOOK_PUBLISH_BATCH
}
