package ai.askel.confluence.adapter.persistence;

import java.time.Instant;

/** A row of {@code managed_page}. */
record ManagedPageRow(String connectionId, String pageId, String spaceKey, String title, String parentPageId, String role,
                      String runbookId, int version, String contentHash, String labelsJson, Instant updatedAt) {
}
