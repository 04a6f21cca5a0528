package ai.askel.confluence.adapter.confluence;

/** Whether a call may be sent again after a failure that may have reached Confluence. */
enum Replay {
    /**
     * GET, the page PUT (its version number makes a replay a 409), DELETE, and the label POST (adding a label the page already has changes nothing):
     * retried after 429, 5xx and I/O errors.
     */
    SAFE,
    /**
     * A page-creating POST, or an attachment upload (a PUT that adds a version each time it lands):
     * retried only after 429, which Confluence sends before doing anything.
     * Replaying it after a 5xx or a lost answer is how peers create duplicate pages.
     */
    ONLY_IF_REJECTED
}
