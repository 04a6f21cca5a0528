package ai.askel.confluence.domain;

/** What publishing a runbook has to do in Confluence. */
public enum PublishAction {
    /** Never published: create the page. */
    CREATE,
    /** Published before, and the rendered content changed: write the next version. */
    UPDATE,
    /** Published before with exactly this content: write nothing. */
    NO_OP
}
