package ai.askel.confluence.ports.in;

import ai.askel.confluence.ports.out.AuditLogPage;
import ai.askel.confluence.ports.out.AuditQuery;

/** A workspace's audit log, newest first, a page at a time. */
public interface ReadAuditLogUseCase {
    AuditLogPage read(AuditQuery query);
}
