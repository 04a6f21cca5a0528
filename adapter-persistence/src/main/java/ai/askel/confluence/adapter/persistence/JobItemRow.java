package ai.askel.confluence.adapter.persistence;

import java.time.Instant;

/** A row of {@code job_item} without its request. */
record JobItemRow(String jobId, int itemIndex, String title, String state, int attempts, String outcome, String runbookId,
                  String pageId, String errorCode, String errorDetail, Instant finishedAt) {
}
