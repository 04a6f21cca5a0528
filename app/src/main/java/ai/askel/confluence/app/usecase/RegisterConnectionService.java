package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.CloudId;
import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.ConfluenceUser;
import ai.askel.confluence.domain.EmailAddress;
import ai.askel.confluence.domain.SiteUrl;
import ai.askel.confluence.ports.in.RegisterConnectionCommand;
import ai.askel.confluence.ports.in.RegisterConnectionUseCase;
import ai.askel.confluence.ports.out.ClockPort;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConfluenceUsersPort;
import ai.askel.confluence.ports.out.ConnectionRepositoryPort;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Optional;

/**
 * Registers a connection: the site URL passes the SSRF guard before anything is contacted, the
 * credentials are verified with Confluence, and only then is the connection stored.
 */
final class RegisterConnectionService implements RegisterConnectionUseCase {
    private final ConnectionRepositoryPort connections;
    private final ConfluenceUsersPort users;
    private final ClockPort clock;
    private final AuditTrail audit;
    private final UseCaseSettings settings;

    @Inject
    public RegisterConnectionService(ConnectionRepositoryPort connections, ConfluenceUsersPort users, ClockPort clock,
                                     AuditTrail audit, UseCaseSettings settings) {
        this.connections = connections;
        this.users = users;
        this.clock = clock;
        this.audit = audit;
        this.settings = settings;
    }

    @Override
    public Connection register(RegisterConnectionCommand command) {
        SiteUrl site = SiteUrl.parse(command.siteUrl(), settings.allowedSiteOrigins());
        EmailAddress email = EmailAddress.of(command.email());
        Optional<CloudId> cloudId = command.cloudId().filter(s -> !s.isBlank()).map(CloudId::new);
        Instant now = clock.now();
        Connection candidate = Connection.register(ConnectionId.random(), command.workspace(), command.name(), site, cloudId, email,
                command.apiToken(), command.tokenExpiresOn(), now);
        requireNameFree(candidate);

        ConfluenceUser user = users.currentUser(ConfluenceAccess.of(candidate));

        Connection verified = candidate.verified(user.accountId(), now);
        connections.save(verified);
        audit.record(verified.workspace(), "connection.register", Optional.of(verified.id()), Optional.empty(), "registered");
        return verified;
    }

    /** Before Confluence is asked anything; the database's unique index settles a race between two registrations. */
    private void requireNameFree(Connection candidate) {
        if (connections.list(candidate.workspace()).stream().anyMatch(c -> c.name().equals(candidate.name()))) {
            throw Connection.nameTaken(candidate.name());
        }
    }
}
