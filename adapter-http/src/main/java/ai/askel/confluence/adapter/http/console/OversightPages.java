package ai.askel.confluence.adapter.http.console;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftFindingId;
import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.domain.PublishedAttachment;
import ai.askel.confluence.domain.Runbook;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.ports.in.AcknowledgeDriftFindingUseCase;
import ai.askel.confluence.ports.in.AdoptDriftFindingUseCase;
import ai.askel.confluence.ports.in.CheckDriftUseCase;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.ListConnectionsUseCase;
import ai.askel.confluence.ports.in.ListRunbooksUseCase;
import ai.askel.confluence.ports.in.OverwriteDriftFindingUseCase;
import ai.askel.confluence.ports.in.ReadAuditLogUseCase;
import ai.askel.confluence.ports.in.WorkspaceScan;
import ai.askel.confluence.ports.out.AuditLogPage;
import ai.askel.confluence.ports.out.AuditQuery;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the connector manages and what happened to it: runbooks, drift findings, the audit log. */
final class OversightPages implements WebConsole.Section {
    static final int AUDIT_EVENTS_SHOWN = 200;
    /** Kinds about a file the connector attached: it keeps only their hashes, so nothing can put them back but an upload. */

    private final ListConnectionsUseCase connections;
    private final ListRunbooksUseCase runbooks;
    private final CheckDriftUseCase drift;
    private final OverwriteDriftFindingUseCase overwriter;
    private final ReadAuditLogUseCase audit;
    private final AdoptDriftFindingUseCase adopter;
    private final AcknowledgeDriftFindingUseCase acknowledger;

    @Inject
    OversightPages(ListConnectionsUseCase connections, ListRunbooksUseCase runbooks, CheckDriftUseCase drift,
                   OverwriteDriftFindingUseCase overwriter, ReadAuditLogUseCase audit, AdoptDriftFindingUseCase adopter,
                   AcknowledgeDriftFindingUseCase acknowledger) {
        this.adopter = adopter;
        this.acknowledger = acknowledger;
        this.connections = connections;
        this.runbooks = runbooks;
        this.drift = drift;
        this.overwriter = overwriter;
        this.audit = audit;
    }

    record RunbookView(String id, String connectionId, String connection, String title, String space, String status, String version,
                       String lastPublished, String drift, String driftClass, Optional<String> link, String source, boolean fromTemplate) {
    }

    record RunbooksModel(List<RunbookView> runbooks) {
    }

    record FindingView(Optional<String> id, String connectionId, String connection, String kind, String explanation, String detail,
                       String firstSeen, String lastSeen, Optional<String> acknowledged, Optional<String> runbookId,
                       Optional<String> runbookTitle, boolean fromTemplate) {
        /** A finding about a page (not the whole connection) can be adopted: the page as it is becomes the baseline. */
        boolean adoptable() {
            return id.isPresent() && runbookId.isPresent();
        }

        /** A file the connector attached is gone or replaced: only an upload of the original puts it back. */
        boolean attachment() {
            return DriftKind.valueOf(kind).concernsAttachments();
        }

        /** What the API's finding overwrite puts back: body, title, place and labels, or a deleted runbook page. */
        boolean restorable() {
            return adoptable() && !attachment();
        }

        /** A finding about the connection's API token, which a new token settles. */
        boolean aboutToken() {
            return kind.equals(DriftKind.CREDENTIALS_REJECTED.name()) || kind.equals(DriftKind.TOKEN_EXPIRING.name());
        }
    }

    record DriftModel(List<FindingView> findings) {
    }

    record AuditView(String at, String key, String operation, String connection, String page, String outcome) {
    }

    record AuditModel(List<AuditView> events, int limit) {
    }

    @Override
    public void register(WebConsole console) {
        console.get("/runbooks", WebConsole.Access.READ, this::runbooks);
        console.get("/drift", WebConsole.Access.READ, this::drift);
        console.post("/drift/scan", WebConsole.Access.WRITE, this::scan);
        console.post("/drift/overwrite", WebConsole.Access.WRITE, this::overwrite);
        console.post("/drift/adopt", WebConsole.Access.WRITE, this::adopt);
        console.post("/drift/acknowledge", WebConsole.Access.WRITE, this::acknowledge);
        console.get("/audit", WebConsole.Access.ADMIN, this::audit);
    }

    private void runbooks(ConsoleRequest r) {
        List<RunbookView> views = new ArrayList<>();
        for (Connection c : connections.list(r.session().caller().workspace())) {
            ConnectionRef ref = new ConnectionRef(c.workspace(), c.id());
            Map<String, List<DriftFinding>> findings = drift.openFindings(ref).stream().filter(f -> f.pageId().isPresent())
                    .collect(Collectors.groupingBy(f -> f.pageId().get().value()));
            for (Runbook rb : runbooks.list(ref)) {
                List<DriftFinding> open = rb.pageId().map(p -> findings.getOrDefault(p.value(), List.of())).orElse(List.of());
                String driftText = open.isEmpty() ? "in step" : open.stream().map(f -> explainKind(f.kind())).distinct().collect(Collectors.joining("; "));
                views.add(new RunbookView(rb.id().value(), c.id().value(), c.name(), rb.title().value(), rb.space().value(),
                        rb.status().name().toLowerCase(java.util.Locale.ROOT),
                        rb.published().map(p -> Integer.toString(p.version().number())).orElse("\u2014"),
                        rb.published().map(p -> Dates.when(p.publishedAt())).orElse("never"), driftText, open.isEmpty() ? "ok" : "warn",
                        rb.published().map(p -> c.site().wikiBase() + "/spaces/" + rb.space().value() + "/pages/" + p.pageId().value()),
                        rb.source().describe(), PublishPages.templateSource(rb).isPresent()));
            }
        }
        r.render("runbooks", "Runbooks", "runbooks", new RunbooksModel(views));
    }

    private void drift(ConsoleRequest r) {
        r.render("drift", "Drift", "drift", new DriftModel(findings(r.session().caller().workspace(), r)));
    }

    private List<FindingView> findings(WorkspaceId workspace, ConsoleRequest r) {
        Map<String, Connection> byId = connections.list(workspace).stream().collect(Collectors.toMap(c -> c.id().value(), Function.identity()));
        List<FindingView> views = new ArrayList<>();
        List<DriftFinding> open = drift.openFindings(workspace).stream()
                .sorted(Comparator.comparing(DriftFinding::lastSeen).reversed()).toList();
        Map<String, List<Runbook>> runbooksByConnection = new java.util.HashMap<>();
        for (DriftFinding f : open) {
            Connection c = byId.get(f.connection().value());
            if (c == null) {
                continue;
            }
            List<Runbook> managed = runbooksByConnection.computeIfAbsent(c.id().value(),
                    id -> runbooks.list(new ConnectionRef(workspace, c.id())));
            Optional<Runbook> runbook = f.pageId().flatMap(p -> managed.stream().filter(rb -> rb.pageId().equals(Optional.of(p))).findFirst());
            views.add(new FindingView(f.id().map(id -> Long.toString(id.value())), c.id().value(), c.name(), f.kind().name(),
                    explainKind(f.kind()), f.detail(), Dates.when(f.firstSeen()), Dates.when(f.lastSeen()),
                    f.acknowledgedAt().map(Dates::when), runbook.map(rb -> rb.id().value()),
                    runbook.map(rb -> rb.title().value()), runbook.flatMap(PublishPages::templateSource).isPresent()));
        }
        return views;
    }

    /** Scans every connection of the workspace; one that cannot be scanned does not stop the others (its finding says why). */
    private void scan(ConsoleRequest r) {
        WorkspaceId workspace = r.session().caller().workspace();
        List<Connection> all = connections.list(workspace);
        // a connection that could not be scanned has its SCAN_FAILED (or credentials) finding listed with the others
        List<String> failed = drift.scanAll(workspace).notScanned().stream().map(WorkspaceScan.NotScanned::name).toList();
        int open = drift.openFindings(workspace).size();
        String notice = "Scanned %d connection%s: %d open finding%s.".formatted(all.size(), all.size() == 1 ? "" : "s", open, open == 1 ? "" : "s");
        if (!failed.isEmpty()) {
            notice += " %s could not be scanned: %s below says why.".formatted(String.join(", ", failed),
                    failed.size() == 1 ? "its finding" : "their findings");
        }
        r.redirect(WebConsole.BASE + "/drift", notice);
    }

    /** Accepts the page as it is now as the runbook's new baseline: the finding resolves, the next publish leaves it alone. */
    private void adopt(ConsoleRequest r) {
        ConnectionRef ref = r.ref(r.required("connection", "connection"));
        DriftFinding adopted = adopter.adopt(ref, DriftFindingId.parse(r.required("finding", "finding")));
        r.redirect(WebConsole.BASE + "/drift", "Adopted: the page as it is now is the baseline (%s).".formatted(explainKind(adopted.kind())));
    }

    /** Mutes the finding until the page changes again; it stays listed, marked acknowledged. */
    private void acknowledge(ConsoleRequest r) {
        ConnectionRef ref = r.ref(r.required("connection", "connection"));
        acknowledger.acknowledge(ref, DriftFindingId.parse(r.required("finding", "finding")));
        r.redirect(WebConsole.BASE + "/drift", "Acknowledged: the finding stays listed but no longer marks its runbook drifted.");
    }

    /**
     * Puts back what the connector last wrote, through the same use case as the API's finding overwrite: the body,
     * title, place under the parent and labels, or a deleted runbook page published again. Attachment findings are
     * refused: the connector keeps no copy of the file, so only an upload of the original puts it back.
     */
    private void overwrite(ConsoleRequest r) {
        ConnectionRef ref = r.ref(r.required("connection", "connection"));
        DriftFindingId id = DriftFindingId.parse(r.required("finding", "finding"));
        Optional<DriftFinding> open = drift.openFindings(ref).stream().filter(f -> f.id().equals(Optional.of(id))).findFirst();
        Optional<Runbook> runbook = open.flatMap(DriftFinding::pageId)
                .flatMap(page -> runbooks.list(ref).stream().filter(rb -> rb.pageId().equals(Optional.of(page))).findFirst());
        if (open.isPresent() && open.get().kind().concernsAttachments()) {
            throw InvalidInputException.of("finding", ("%s: the connector keeps no copy of the file, only its hash, so nothing was put "
                    + "back. Upload the original again: open the runbook's publish form, choose the file, and pick \u201cOverwrite the "
                    + "hand edit\u201d").formatted(open.get().detail()));
        }
        DriftFinding result = overwriter.overwrite(ref, id);
        String page = runbook.map(rb -> "\u201c" + rb.title().value() + "\u201d").orElse("the page");
        boolean anotherFinding = !result.id().equals(Optional.of(id));
        if (open.isEmpty()) {
            r.redirect(WebConsole.BASE + "/drift", "That finding was no longer open: nothing was put back.");
        } else if (open.get().kind() == DriftKind.DELETED && (anotherFinding || !result.isOpen())) {
            // a deleted page is published again; the files it carried are named by a new finding until they are attached again
            List<String> files = runbook.flatMap(Runbook::published).map(p -> p.attachments().stream().map(PublishedAttachment::fileName).toList())
                    .orElse(List.of());
            r.redirect(WebConsole.BASE + "/drift", "Published %s again from its stored inputs; the finding is resolved.%s".formatted(page,
                    files.isEmpty() && !anotherFinding ? "" : " Attach %s again: the connector keeps no copy.".formatted(
                            files.isEmpty() ? "its files" : String.join(", ", files))));
        } else if (result.isOpen()) {
            r.redirect(WebConsole.BASE + "/drift", "Nothing was put back on %s: the finding is still open.".formatted(page));
        } else {
            r.redirect(WebConsole.BASE + "/drift", ("Put back what the connector last wrote on %s (%s); the finding is resolved. "
                    + "Confluence keeps the changed version in the page history.").formatted(page, sentence(explainKind(open.get().kind()))));
        }
    }

    private void audit(ConsoleRequest r) {
        WorkspaceId workspace = r.session().caller().workspace();
        Map<String, String> names = connections.list(workspace).stream().collect(Collectors.toMap(c -> c.id().value(), Connection::name));
        List<AuditView> events = audit.read(AuditQuery.newest(workspace).withLimit(AUDIT_EVENTS_SHOWN)).entries().stream()
                .map(AuditLogPage.AuditEntry::event).map(e -> new AuditView(Dates.when(e.at()),
                e.apiKeyPrefix().map(p -> p + "\u2026").orElse("(embedded or CLI)"), e.operation(),
                e.connection().map(c -> names.getOrDefault(c.value(), c.value())).orElse(""), e.page().map(p -> p.value()).orElse(""),
                e.outcome())).toList();
        r.render("audit", "Audit", "audit", new AuditModel(events, AUDIT_EVENTS_SHOWN));
    }

    private static String sentence(String explanation) {
        return Character.toLowerCase(explanation.charAt(0)) + explanation.substring(1);
    }

    static String explainKind(DriftKind kind) {
        return switch (kind) {
            case EDITED_IN_CONFLUENCE -> "Someone edited the page in Confluence; it no longer matches the template";
            case DELETED -> "The page was deleted or moved to the trash";
            case MOVED -> "The page was moved away from its parent";
            case RENAMED -> "The page was renamed";
            case LABELS_REMOVED -> "A label the connector manages was removed";
            case ATTACHMENT_MISSING -> "An attachment the connector uploaded is gone";
            case ATTACHMENT_REPLACED -> "An attachment the connector uploaded was replaced by another file";
            case CREDENTIALS_REJECTED -> "Confluence rejects the API token";
            case PERMISSION_LOST -> "The user lost access to a space with managed pages";
            case SPACE_MISSING -> "A space with managed pages no longer exists";
            case TOKEN_EXPIRING -> "The API token expires soon";
            case SCAN_FAILED -> "The last drift scan could not reach the site; the findings shown are from an earlier scan";
        };
    }
}
