package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.error.CredentialsRejectedException;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.VerifyConnectionUseCase;
import ai.askel.confluence.ports.out.ClockPort;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConfluenceUsersPort;
import ai.askel.confluence.ports.out.ConnectionRepositoryPort;
import jakarta.inject.Inject;

import java.util.Optional;

/** Asks Confluence whether the stored credentials still work and records ACTIVE or CREDENTIALS_REJECTED. */
final class VerifyConnectionService implements VerifyConnectionUseCase {
    private final ConnectionLookup lookup;
    private final ConnectionRepositoryPort connections;
    private final ConfluenceUsersPort users;
    private final ClockPort clock;
    private final AuditTrail audit;

    @Inject
    public VerifyConnectionService(ConnectionLookup lookup, ConnectionRepositoryPort connections, ConfluenceUsersPort users,
                                   ClockPort clock, AuditTrail audit) {
        this.lookup = lookup;
        this.connections = connections;
        this.users = users;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public Connection verify(ConnectionRef ref) {
        Connection connection = lookup.connection(ref);
        Connection checked = check(connection);
        connections.save(checked);
        audit.record(ref.workspace(), "connection.verify", Optional.of(ref.connection()), Optional.empty(),
                checked.status().name().toLowerCase(java.util.Locale.ROOT));
        return checked;
    }

    /** The connection as Confluence answers for it now (not saved). */
    Connection check(Connection connection) {
        try {
            return connection.verified(users.currentUser(ConfluenceAccess.of(connection)).accountId(), clock.now());
        } catch (CredentialsRejectedException e) {
            return connection.rejected(clock.now());
        }
    }
}
