package ai.askel.confluence.app.usecase;

import ai.askel.confluence.ports.in.ReadAuditLogUseCase;
import ai.askel.confluence.ports.out.AuditLogPage;
import ai.askel.confluence.ports.out.AuditLogPort;
import ai.askel.confluence.ports.out.AuditQuery;
import jakarta.inject.Inject;

/** Reads a workspace's audit log a page at a time; the query itself is checked where it is built. */
final class ReadAuditLogService implements ReadAuditLogUseCase {
    private final AuditLogPort log;

    @Inject
    public ReadAuditLogService(AuditLogPort log) {
        this.log = log;
    }

    @Override
    public AuditLogPage read(AuditQuery query) {
        return log.read(query);
    }
}
