package ai.askel.confluence.adapter.persistence;

import java.time.Instant;

/**
 * A row of {@code runbook}; the published columns are all null until the first publish. A runbook rendered
 * by a template has the template columns; one publishing a supplied body has the body columns instead.
 */
record RunbookRow(String id, String workspaceId, String connectionId, String spaceKey, String parentTitle, String title,
                  String templateId, String templateVersion, String inputsJson, String bodyRepresentation, String bodyHash,
                  String labelsJson, String status,
                  String pageId, String parentPageId, Integer publishedVersion, String publishedHash, String publishedTitle,
                  String publishedLabelsJson, String publishedAttachmentsJson, Instant publishedAt, long revision) {
}
