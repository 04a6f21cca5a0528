package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.ConfluenceUser;
import ai.askel.confluence.domain.EmailAddress;
import ai.askel.confluence.ports.in.RotateCredentialsCommand;
import ai.askel.confluence.ports.in.RotateCredentialsUseCase;
import ai.askel.confluence.ports.out.ClockPort;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConfluenceUsersPort;
import ai.askel.confluence.ports.out.ConnectionRepositoryPort;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Optional;

/** Replaces a connection's API token once Confluence accepted the new one; a rejected token changes nothing. */
final class RotateCredentialsService implements RotateCredentialsUseCase {
    private final ConnectionLookup lookup;
    private final ConnectionRepositoryPort connections;
    private final ConfluenceUsersPort users;
    private final ClockPort clock;
    private final AuditTrail audit;

    @Inject
    public RotateCredentialsService(ConnectionLookup lookup, ConnectionRepositoryPort connections, ConfluenceUsersPort users,
                                    ClockPort clock, AuditTrail audit) {
        this.lookup = lookup;
        this.connections = connections;
        this.users = users;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public Connection rotate(RotateCredentialsCommand command) {
        Connection current = lookup.connection(command.ref());
        EmailAddress email = command.email().map(EmailAddress::of).orElse(current.email());
        Instant now = clock.now();
        Connection candidate = current.withCredentials(email, command.apiToken(), command.tokenExpiresOn(), now);

        ConfluenceUser user = users.currentUser(ConfluenceAccess.of(candidate));

        Connection rotated = candidate.verified(user.accountId(), now);
        connections.save(rotated);
        audit.record(rotated.workspace(), "connection.rotate-credentials", Optional.of(rotated.id()), Optional.empty(), "rotated");
        return rotated;
    }
}
