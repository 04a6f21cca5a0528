package ai.askel.confluence.adapter.persistence;

import java.time.Instant;

/** A row of {@code audit_event}. */
record AuditEventRow(Instant occurredAt, String workspaceId, String apiKeyPrefix, String operation, String connectionId,
                     String pageId, String outcome, String traceId) {
}
