package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftFindingId;
import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.Runbook;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.DriftFindingRepositoryPort;
import ai.askel.confluence.ports.out.ManagedPage;
import ai.askel.confluence.ports.out.ManagedPageRepositoryPort;
import ai.askel.confluence.ports.out.RunbookRepositoryPort;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Loads what a drift action acts on: the finding (of the caller's connection), its managed page and runbook. */
final class DriftFindingTarget {
    /** A finding with what it is about; {@code page} is empty for connection findings or a page no longer managed. */
    record Target(Connection connection, ConfluenceAccess access, DriftFinding finding, Optional<ManagedPage> page,
                  Optional<Runbook> runbook) {
        /** The managed page, or why this action cannot be taken on the finding. */
        ManagedPage requirePage(String action) {
            if (finding.pageId().isEmpty()) {
                throw InvalidInputException.of("findingId", "%s is about connection '%s', not a page, and cannot be %s: %s"
                        .formatted(finding.kind(), connection.name(), action, remedy()));
            }
            return page.orElseThrow(() -> InvalidInputException.of("findingId",
                    "page %s is no longer managed by the connector, so there is nothing to %s".formatted(finding.pageId().get(), action)));
        }

        /** What a person does about a connection finding. */
        private String remedy() {
            return switch (finding.kind()) {
                case CREDENTIALS_REJECTED, TOKEN_EXPIRING -> "rotate the connection's credentials (PUT /api/v1/connections/{id}/credentials)";
                case PERMISSION_LOST -> "ask a Confluence admin to give the connection's user edit permission back";
                case SPACE_MISSING -> "restore the space or the user's access to it, or remove its runbooks";
                case SCAN_FAILED -> "it resolves with the next scan that reaches the site";
                default -> "acknowledge it";
            };
        }
    }

    private final ConnectionLookup lookup;
    private final DriftFindingRepositoryPort findings;
    private final ManagedPageRepositoryPort managedPages;
    private final RunbookRepositoryPort runbooks;

    @Inject
    DriftFindingTarget(ConnectionLookup lookup, DriftFindingRepositoryPort findings, ManagedPageRepositoryPort managedPages,
                       RunbookRepositoryPort runbooks) {
        this.lookup = lookup;
        this.findings = findings;
        this.managedPages = managedPages;
        this.runbooks = runbooks;
    }

    Target load(ConnectionRef ref, DriftFindingId id) {
        Connection connection = lookup.connection(ref);
        DriftFinding finding = findings.find(connection.id(), id).orElseThrow(() -> new NotFoundException(
                "drift finding %s of connection %s does not exist".formatted(id, connection.id())));
        Optional<ManagedPage> page = finding.pageId().flatMap(p -> managedPages.find(connection.id(), p));
        Optional<Runbook> runbook = page.flatMap(ManagedPage::runbook).flatMap(r -> runbooks.find(ref.workspace(), r));
        return new Target(connection, ConfluenceAccess.of(connection), finding, page, runbook);
    }

    /** Resolves the open findings of these kinds on the target's page (the acted-on finding among them). */
    void resolve(Target target, Set<DriftKind> kinds, Instant at) {
        for (DriftKind kind : kinds) {
            if (kind.concernsPage() == target.finding().pageId().isPresent()) {
                findings.resolve(target.connection().id(), target.finding().pageId(), kind, at);
            }
        }
        findings.resolve(target.connection().id(), target.finding().pageId(), target.finding().kind(), at);
    }

    /** Records a finding an action leaves open on {@code page} of the target's connection, and answers it as stored. */
    DriftFinding open(Target target, PageId page, DriftKind kind, String detail, Instant at) {
        return findings.recordSeen(DriftFinding.seen(target.connection().id(), Optional.of(page), kind, detail, at));
    }

    /** The finding as it stands after an action. */
    DriftFinding reload(Target target) {
        return findings.find(target.connection().id(), target.finding().id().orElseThrow()).orElseThrow();
    }
}
