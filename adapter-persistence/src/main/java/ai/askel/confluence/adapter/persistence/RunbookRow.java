package ai.askel.confluence.adapter.persistence;

import java.time.Instant;

/** A row of {@code runbook}; the published columns are all null until the first publish. */
record RunbookRow(String id, String workspaceId, String connectionId, String spaceKey, String parentTitle, String title,
                  String templateId, String templateVersion, String inputsJson, String labelsJson, String status,
                  String pageId, String parentPageId, Integer publishedVersion, String publishedHash, String publishedTitle,
                  String publishedLabelsJson, String publishedAttachmentsJson, Instant publishedAt, long revision) {
}
