package ai.askel.confluence.cli;

import ai.askel.confluence.app.AskelConfluence;
import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.WorkspaceIds;
import ai.askel.confluence.domain.error.ConnectorException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "drift", description = "Scans managed pages and connections for drift; exits 3 when anything is open, 1 when a site could not be scanned.")
final class DriftCommand extends ConnectorCommand {
    static final int DRIFT_FOUND = 3;

    @Mixin
    ConnectionOption connection;

    @Override
    protected int execute() {
        try (AskelConfluence askel = openConnector()) {
            List<DriftFinding> findings = new ArrayList<>();
            int unscanned = 0;
            if (connection.value != null) {
                findings.addAll(askel.checkDrift().scan(connection(askel, connection.value)));
            } else {
                for (Connection c : askel.listConnections().list(WorkspaceIds.DEFAULT)) {
                    try {
                        findings.addAll(askel.checkDrift().scan(askel.ref(c.id())));
                    } catch (ConnectorException e) {
                        // one unreachable site must not hide the others' drift
                        unscanned++;
                        err().println("connection " + c.name() + " (" + c.id() + ") not scanned: error [" + e.code() + "]: " + e.getMessage());
                    }
                }
            }
            out().result(findings.stream().map(Views::finding).toList(), findings.isEmpty() ? "no drift"
                    : findings.stream().map(f -> f.kind() + "  " + f.pageId().map(p -> "page " + p + "  ").orElse("")
                            + f.detail() + "  (since " + f.firstSeen() + ")").collect(Collectors.joining("\n")));
            return !findings.isEmpty() ? DRIFT_FOUND : unscanned > 0 ? CliErrors.FAILED : 0;
        }
    }
}
