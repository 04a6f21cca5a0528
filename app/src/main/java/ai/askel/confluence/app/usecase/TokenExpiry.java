package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.ports.out.ClockPort;
import ai.askel.confluence.ports.out.ConnectionRepositoryPort;
import ai.askel.confluence.ports.out.DriftFindingRepositoryPort;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The token-expiry rule, in one place: a connection whose registered expiry date is within the warning
 * period has an open TOKEN_EXPIRING finding, else none. The drift scan applies it per connection; the
 * cluster's recurring check applies it to every connection without a Confluence call.
 */
final class TokenExpiry {
    private final ConnectionRepositoryPort connections;
    private final DriftFindingRepositoryPort findings;
    private final ClockPort clock;
    private final UseCaseSettings settings;

    @Inject
    public TokenExpiry(ConnectionRepositoryPort connections, DriftFindingRepositoryPort findings, ClockPort clock,
                       UseCaseSettings settings) {
        this.connections = connections;
        this.findings = findings;
        this.clock = clock;
        this.settings = settings;
    }

    /** The warning for the connection at {@code now}, if its token expires within {@code warning}. */
    static Optional<String> warning(Connection connection, Instant now, Duration warning) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate warnFrom = today.plusDays(warning.toDays());
        return connection.tokenExpiresOn().filter(date -> !date.isAfter(warnFrom))
                .map(date -> "the API token of connection '%s' %s%s; rotate it"
                        .formatted(connection.name(), date.isBefore(today) ? "expired on " : "expires on ", date));
    }

    /** Opens or resolves the finding of one connection. */
    void apply(Connection connection, Instant now) {
        Optional<String> detail = warning(connection, now, settings.tokenExpiryWarning());
        if (detail.isPresent()) {
            findings.recordSeen(DriftFinding.seen(connection.id(), Optional.empty(), DriftKind.TOKEN_EXPIRING, detail.get(), now));
        } else {
            findings.resolve(connection.id(), Optional.empty(), DriftKind.TOKEN_EXPIRING, now);
        }
    }

    /** Applies the rule to every connection; answers how many have an expiring token. */
    public int checkAll() {
        Instant now = clock.now();
        int expiring = 0;
        for (Connection connection : connections.listAll()) {
            apply(connection, now);
            if (warning(connection, now, settings.tokenExpiryWarning()).isPresent()) {
                expiring++;
            }
        }
        return expiring;
    }
}
