package ai.askel.confluence.adapter.persistence;

import java.time.Instant;

/** A row of {@code audit_event} with its sequence number, as the paged reader sees it. */
record AuditEntryRow(long id, Instant occurredAt, String workspaceId, String apiKeyPrefix, String operation, String connectionId,
                     String pageId, String outcome, String traceId) {
    AuditEventRow event() {
        return new AuditEventRow(occurredAt, workspaceId, apiKeyPrefix, operation, connectionId, pageId, outcome, traceId);
    }
}
