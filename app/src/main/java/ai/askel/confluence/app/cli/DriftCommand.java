package ai.askel.confluence.app.cli;

import ai.askel.confluence.app.AskelConfluence;
import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.WorkspaceIds;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "drift", description = "Scans managed pages and connections for drift; exits 3 when anything is open.")
final class DriftCommand extends ConnectorCommand {
    static final int DRIFT_FOUND = 3;

    @Mixin
    ConnectionOption connection;

    @Override
    protected int execute() {
        try (AskelConfluence askel = openConnector()) {
            List<DriftFinding> findings = new ArrayList<>();
            if (connection.value != null) {
                findings.addAll(askel.checkDrift().scan(connection(askel, connection.value)));
            } else {
                for (Connection c : askel.listConnections().list(WorkspaceIds.DEFAULT)) {
                    findings.addAll(askel.checkDrift().scan(askel.ref(c.id())));
                }
            }
            out().result(findings.stream().map(Views::finding).toList(), findings.isEmpty() ? "no drift"
                    : findings.stream().map(f -> f.kind() + "  " + f.pageId().map(p -> "page " + p + "  ").orElse("")
                            + f.detail() + "  (since " + f.firstSeen() + ")").collect(Collectors.joining("\n")));
            return findings.isEmpty() ? 0 : DRIFT_FOUND;
        }
    }
}
