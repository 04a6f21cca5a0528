package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.ConnectionStatus;
import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.domain.DriftScanStatus;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.error.CredentialsRejectedException;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConfluenceUsersPort;
import ai.askel.confluence.ports.out.ConnectionRepositoryPort;
import ai.askel.confluence.ports.out.DriftFindingRepositoryPort;
import ai.askel.confluence.ports.out.ManagedPageRepositoryPort;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One connection's drift scan: the token's expiry date (no call), the credentials (1 call; when rejected the rest is
 * skipped), then the managed pages ({@link PageDriftScan}). Answers how it ended; a Confluence failure is thrown.
 */
final class ConnectionDriftScan {
    private final ConnectionRepositoryPort connections;
    private final ConfluenceUsersPort users;
    private final ManagedPageRepositoryPort managedPages;
    private final DriftFindingRepositoryPort findings;
    private final PageDriftScan pageScan;
    private final UseCaseSettings settings;

    @Inject
    ConnectionDriftScan(ConnectionRepositoryPort connections, ConfluenceUsersPort users, ManagedPageRepositoryPort managedPages,
                        DriftFindingRepositoryPort findings, PageDriftScan pageScan, UseCaseSettings settings) {
        this.connections = connections;
        this.users = users;
        this.managedPages = managedPages;
        this.findings = findings;
        this.pageScan = pageScan;
        this.settings = settings;
    }

    DriftScanStatus.Outcome scan(Connection connection, DriftLedger ledger) {
        checkTokenExpiry(connection, ledger);
        ConfluenceAccess access = ConfluenceAccess.of(connection);
        try {
            String accountId = users.currentUser(access).accountId();
            ledger.resolve(Optional.empty(), DriftKind.CREDENTIALS_REJECTED);
            if (connection.status() != ConnectionStatus.ACTIVE || !connection.accountId().equals(Optional.of(accountId))) {
                connections.save(connection.verified(accountId, ledger.now()));
            }
        } catch (CredentialsRejectedException e) {
            ledger.seen(Optional.empty(), DriftKind.CREDENTIALS_REJECTED, ("Confluence rejects the API token of %s for connection '%s' "
                    + "(or treats it as anonymous); rotate the credentials").formatted(connection.email(), connection.name()));
            if (connection.status() != ConnectionStatus.CREDENTIALS_REJECTED) {
                connections.save(connection.rejected(ledger.now()));
            }
            return DriftScanStatus.Outcome.CREDENTIALS_REJECTED;
        }
        Set<PageId> openPageFindings = findings.listOpen(connection.id()).stream().map(DriftFinding::pageId)
                .flatMap(Optional::stream).collect(Collectors.toSet());
        pageScan.run(access, ledger, managedPages.listByConnection(connection.id()), openPageFindings);
        return DriftScanStatus.Outcome.COMPLETED;
    }

    private void checkTokenExpiry(Connection connection, DriftLedger ledger) {
        Optional<String> warning = TokenExpiry.warning(connection, ledger.now(), settings.tokenExpiryWarning());
        if (warning.isPresent()) {
            ledger.seen(Optional.empty(), DriftKind.TOKEN_EXPIRING, warning.get());
        } else {
            ledger.resolve(Optional.empty(), DriftKind.TOKEN_EXPIRING);
        }
    }
}
