package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.ports.in.ActingApiKey;
import ai.askel.confluence.ports.out.AuditEvent;
import ai.askel.confluence.ports.out.AuditLogPort;
import ai.askel.confluence.ports.out.ClockPort;
import jakarta.inject.Inject;

import java.util.Optional;

/** Writes the audit events of the use cases: what was done, to which connection and page, and how it ended. */
final class AuditTrail {
    private final AuditLogPort log;
    private final ClockPort clock;

    @Inject
    public AuditTrail(AuditLogPort log, ClockPort clock) {
        this.log = log;
        this.clock = clock;
    }

    public void record(WorkspaceId workspace, String operation, Optional<ConnectionId> connection, Optional<PageId> page,
                       String outcome) {
        log.append(event(workspace, operation, connection, page, outcome));
    }

    /** The event {@link #record} would append, for a use case that saves it in the same transaction as its state. */
    public AuditEvent event(WorkspaceId workspace, String operation, Optional<ConnectionId> connection, Optional<PageId> page,
                            String outcome) {
        return new AuditEvent(clock.now(), workspace, ActingApiKey.prefix(), operation, connection, page, outcome, Optional.empty());
    }

    /** Appends an event made by {@link #event} that was not saved with a state. */
    public void append(AuditEvent event) {
        log.append(event);
    }

    /** A write that failed: the error code (never the message, which may quote input) and Confluence's trace id. */
    public void failed(WorkspaceId workspace, String operation, Optional<ConnectionId> connection, Optional<PageId> page,
                       ConnectorException error) {
        log.append(new AuditEvent(clock.now(), workspace, ActingApiKey.prefix(), operation, connection, page,
                "failed: " + error.code(), error.traceId()));
    }
}
