package ai.askel.confluence.cli;

import ai.askel.confluence.app.AskelConfluence;
import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftFindingId;
import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.domain.WorkspaceIds;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.ports.in.ConnectionRef;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "drift", description = {"Scans managed pages and connections for drift; exits 3 when a finding needs attention "
        + "(acknowledged ones do not), 1 when a site could not be scanned. Act on a finding with overwrite, adopt or acknowledge.",
        "--json: [{id, connectionId, pageId, kind, detail, firstSeen, lastSeen, resolvedAt, acknowledgedAt}]."},
        subcommands = {DriftCommand.Overwrite.class, DriftCommand.Adopt.class, DriftCommand.Acknowledge.class})
final class DriftCommand extends ConnectorCommand {
    static final int DRIFT_FOUND = 3;
    private static final String JSON_FINDING = "--json: the finding as it now stands: {id, connectionId, pageId, kind, detail, firstSeen, lastSeen, resolvedAt, acknowledgedAt}.";

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
                    ConnectionRef ref = askel.defaultWorkspace().connection(c.id());
                    try {
                        findings.addAll(askel.checkDrift().scan(ref));
                    } catch (ConnectorException e) {
                        // one unreachable site must not hide the others' drift; its SCAN_FAILED finding is listed with them
                        err().println("connection " + c.name() + " (" + c.id() + ") not scanned: error [" + e.code() + "]: " + e.getMessage());
                        findings.addAll(askel.checkDrift().openFindings(ref));
                    }
                }
            }
            out().result(findings.stream().map(Views::finding).toList(), findings.isEmpty() ? "no drift"
                    : findings.stream().map(DriftCommand::line).collect(Collectors.joining("\n")));
            boolean attention = findings.stream().anyMatch(f -> f.needsAttention() && f.kind() != DriftKind.SCAN_FAILED);
            boolean unscanned = findings.stream().anyMatch(f -> f.kind() == DriftKind.SCAN_FAILED);
            return attention ? DRIFT_FOUND : unscanned ? CliErrors.FAILED : 0;
        }
    }

    static String line(DriftFinding f) {
        return "#" + f.id().map(DriftFindingId::toString).orElse("?") + "  " + f.kind() + "  " + f.detail() + "  (since " + f.firstSeen()
                + f.acknowledgedAt().map(at -> "; acknowledged " + at).orElse("") + f.resolvedAt().map(at -> "; resolved " + at).orElse("")
                + ")";
    }

    /** One action on one finding: its id, and the connection it belongs to. */
    abstract static class Action extends ConnectorCommand {
        @Mixin
        ConnectionOption connection;

        @Parameters(index = "0", paramLabel = "FINDING_ID", description = "The finding's id, as `drift` prints it (#42 or 42).")
        String finding;

        abstract DriftFinding act(AskelConfluence askel, ConnectionRef ref, DriftFindingId id);

        @Override
        protected int execute() throws Exception {
            DriftFindingId id = DriftFindingId.parse(finding.startsWith("#") ? finding.substring(1) : finding);
            return printed(askel -> {
                DriftFinding now = act(askel, connection(askel, connection.value), id);
                return new Printed(Views.finding(now), line(now));
            });
        }
    }

    @Command(name = "overwrite", description = {"Puts back what the connector wrote: body, title, labels and place under the parent; "
            + "a deleted runbook page is published again. Attachments must be sent again (the error says which).", JSON_FINDING})
    static final class Overwrite extends Action {
        @Override
        DriftFinding act(AskelConfluence askel, ConnectionRef ref, DriftFindingId id) {
            return askel.overwriteDriftFinding().overwrite(ref, id);
        }
    }

    @Command(name = "adopt", description = {"Accepts the page (or its attachments) as it is now as the new baseline; a publish with "
            + "the same inputs then leaves it alone.", JSON_FINDING})
    static final class Adopt extends Action {
        @Override
        DriftFinding act(AskelConfluence askel, ConnectionRef ref, DriftFindingId id) {
            return askel.adoptDriftFinding().adopt(ref, id);
        }
    }

    @Command(name = "acknowledge", description = {"Mutes the finding until the page changes again.", JSON_FINDING})
    static final class Acknowledge extends Action {
        @Override
        DriftFinding act(AskelConfluence askel, ConnectionRef ref, DriftFindingId id) {
            return askel.acknowledgeDriftFinding().acknowledge(ref, id);
        }
    }
}
