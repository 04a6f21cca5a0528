package ai.askel.confluence.ports.out;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A page of audit entries, newest first, and the sequence number to continue below ({@link AuditQuery#before()})
 * when there may be more.
 */
public record AuditLogPage(List<AuditEntry> entries, Optional<Long> next) {
    public AuditLogPage {
        entries = List.copyOf(entries);
        Objects.requireNonNull(next, "next");
    }

    /** An audit event with its sequence number in the log (increasing in the order events were written). */
    public record AuditEntry(long sequence, AuditEvent event) {
        public AuditEntry {
            Objects.requireNonNull(event, "event");
        }
    }
}
