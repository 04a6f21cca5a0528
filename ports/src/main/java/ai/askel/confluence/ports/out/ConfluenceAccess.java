package ai.askel.confluence.ports.out;

import ai.askel.confluence.domain.CloudId;
import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.EmailAddress;
import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.SiteUrl;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an outbound Confluence call needs to reach one customer's site as one user. With a
 * cloud id, calls go through Atlassian's API gateway (scoped tokens); otherwise to the site itself.
 */
public record ConfluenceAccess(ConnectionId connection, SiteUrl site, Optional<CloudId> cloudId, EmailAddress email, Secret apiToken) {
    public ConfluenceAccess {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(cloudId, "cloudId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(apiToken, "apiToken");
    }

    public static ConfluenceAccess of(Connection c) {
        return new ConfluenceAccess(c.id(), c.site(), c.cloudId(), c.email(), c.apiToken());
    }
}
