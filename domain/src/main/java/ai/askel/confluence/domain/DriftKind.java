package ai.askel.confluence.domain;

/** What changed in the customer's Confluence behind the connector's back. */
public enum DriftKind {
    /** A managed page's version moved past ours and its content differs from what was published. */
    EDITED_IN_CONFLUENCE,
    /** A managed page is gone (404) or in the trash. */
    DELETED,
    /** A managed page is no longer under the parent it was published under. */
    MOVED,
    /** A managed page's title is no longer the one published. */
    RENAMED,
    /** A label the connector manages was removed from the page. */
    LABELS_REMOVED,
    /** An attachment the connector wrote is gone. */
    ATTACHMENT_MISSING,
    /** An attachment the connector wrote was replaced by another file. */
    ATTACHMENT_REPLACED,
    /** Confluence rejects the connection's credentials, or treats them as anonymous. */
    CREDENTIALS_REJECTED,
    /** The connection's user can no longer read or edit a space with managed pages. */
    PERMISSION_LOST,
    /** A space with managed pages no longer exists. */
    SPACE_MISSING,
    /** The API token's expiry date (given at registration) is near. */
    TOKEN_EXPIRING,
    /** The last scan could not reach the site (or Confluence failed it): the other findings are as of an earlier scan. */
    SCAN_FAILED;

    /** Whether the finding is about one page (otherwise about the whole connection). */
    public boolean concernsPage() {
        return switch (this) {
            case CREDENTIALS_REJECTED, PERMISSION_LOST, SPACE_MISSING, TOKEN_EXPIRING, SCAN_FAILED -> false;
            default -> true;
        };
    }

    /** Whether the finding is about a page's attachments, which only an upload of the file puts back (the connector keeps hashes). */
    public boolean concernsAttachments() {
        return this == ATTACHMENT_MISSING || this == ATTACHMENT_REPLACED;
    }
}
