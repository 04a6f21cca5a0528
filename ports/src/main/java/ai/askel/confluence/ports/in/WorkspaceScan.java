package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.error.ErrorCode;
import java.util.List;
import java.util.Objects;

/**
 * A drift scan of every connection of one workspace: the open findings after it (those of a connection that could not
 * be scanned as of its last scan, its {@code SCAN_FAILED} finding among them) and the connections that could not be.
 */
public record WorkspaceScan(List<DriftFinding> openFindings, List<NotScanned> notScanned) {
    public WorkspaceScan {
        openFindings = List.copyOf(openFindings);
        notScanned = List.copyOf(notScanned);
    }

    /** A connection whose scan failed, and why. */
    public record NotScanned(ConnectionId connection, String name, ErrorCode code, String reason) {
        public NotScanned {
            Objects.requireNonNull(connection, "connection");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
