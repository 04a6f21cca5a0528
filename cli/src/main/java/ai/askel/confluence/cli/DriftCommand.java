package ai.askel.confluence.cli;

import ai.askel.confluence.app.AskelConfluence;
import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftFindingId;
import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.domain.WorkspaceIds;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.WorkspaceScan;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "drift", description = {"Scans managed pages and connections for drift and prints the open findings (a site that "
        + "could not be scanned is listed with its SCAN_FAILED finding). Exits 1 when a site could not be scanned (this wins: its "
        + "other findings are as of its last scan), else 3 when a finding needs attention (acknowledged ones do not), else 0. "
        + "Act on a finding with overwrite, adopt or acknowledge.",
        "--json: [{id, connectionId, pageId, kind, detail, firstSeen, lastSeen, resolvedAt, acknowledgedAt}], also when a site could "
                + "not be scanned."},
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
            boolean unscanned = false;
            if (connection.value != null) {
                unscanned = !scan(askel, connection(askel, connection.value), connection.value, findings);
            } else {
                WorkspaceScan scan = askel.checkDrift().scanAll(WorkspaceIds.DEFAULT);
                scan.notScanned().forEach(n -> notScanned(n.name() + " (" + n.connection() + ")", n.code(), n.reason()));
                findings.addAll(scan.openFindings());
                unscanned = !scan.notScanned().isEmpty();
            }
            out().result(findings.stream().map(Views::finding).toList(), findings.isEmpty() ? "no drift"
                    : findings.stream().map(DriftCommand::line).collect(Collectors.joining("\n")));
            return exitCode(findings, unscanned);
        }
    }

    /**
     * Scans one connection into {@code findings}. A site that cannot be scanned does not hide the others' drift, nor the
     * result: its open findings (its SCAN_FAILED one among them) are listed with the rest, and the error goes to stderr.
     * Answers whether the scan completed.
     */
    private boolean scan(AskelConfluence askel, ConnectionRef ref, String name, List<DriftFinding> findings) {
        try {
            findings.addAll(askel.checkDrift().scan(ref));
            return true;
        } catch (ConnectorException e) {
            notScanned(name, e.code(), e.getMessage());
            findings.addAll(askel.checkDrift().openFindings(ref));
            return false;
        }
    }

    private void notScanned(String name, ErrorCode code, String reason) {
        err().println("connection " + name + " not scanned: error [" + code + "]: " + reason);
    }

    /** 1 when a site could not be scanned (what else is listed for it may be stale), else 3 when a finding needs attention, else 0. */
    static int exitCode(List<DriftFinding> findings, boolean unscanned) {
        if (unscanned || findings.stream().anyMatch(f -> f.isOpen() && f.kind() == DriftKind.SCAN_FAILED)) {
            return CliErrors.FAILED;
        }
        return findings.stream().anyMatch(DriftFinding::needsAttention) ? DRIFT_FOUND : 0;
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
