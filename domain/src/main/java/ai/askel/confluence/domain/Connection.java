package ai.askel.confluence.domain;

import ai.askel.confluence.domain.error.ConflictException;
import ai.askel.confluence.domain.error.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's Confluence site as a workspace registered it: where it is, who the connector acts
 * as, and the API token (a {@link Secret}, so it never prints). With a cloud id the connection uses
 * a scoped API token through Atlassian's API gateway instead of the site URL.
 */
public record Connection(ConnectionId id, WorkspaceId workspace, String name, SiteUrl site, Optional<CloudId> cloudId,
                         EmailAddress email, Secret apiToken, Optional<String> accountId, ConnectionStatus status,
                         Optional<LocalDate> tokenExpiresOn, Instant createdAt, Instant updatedAt) {
    public static final int MAX_NAME_LENGTH = 100;

    public Connection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(workspace, "workspace");
        Require.present(name, "name");
        name = name.strip();
        Require.noControlCharacters(name, "name");
        if (name.length() > MAX_NAME_LENGTH) {
            throw InvalidInputException.of("name",
                    "is %d characters long; at most %d are allowed".formatted(name.length(), MAX_NAME_LENGTH));
        }
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(cloudId, "cloudId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(apiToken, "apiToken");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(tokenExpiresOn, "tokenExpiresOn");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /**
     * A connection about to be registered, active but not yet verified with Confluence. A token whose expiry date has
     * already passed is refused before anything is contacted.
     */
    public static Connection register(ConnectionId id, WorkspaceId workspace, String name, SiteUrl site, Optional<CloudId> cloudId,
                                      EmailAddress email, Secret apiToken, Optional<LocalDate> tokenExpiresOn, Instant now) {
        requireTokenNotExpired(tokenExpiresOn, now);
        return new Connection(id, workspace, name, site, cloudId, email, apiToken, Optional.empty(), ConnectionStatus.ACTIVE,
                tokenExpiresOn, now, now);
    }

    /** What registering a second connection under a name its workspace already has answers: names are unique per workspace. */
    public static ConflictException nameTaken(String name) {
        return new ConflictException(
                "a connection named '%s' already exists in this workspace: choose another name, or remove that one".formatted(name));
    }

    public Connection verified(String verifiedAccountId, Instant at) {
        return new Connection(id, workspace, name, site, cloudId, email, apiToken, Optional.of(verifiedAccountId),
                ConnectionStatus.ACTIVE, tokenExpiresOn, createdAt, at);
    }

    public Connection rejected(Instant at) {
        return new Connection(id, workspace, name, site, cloudId, email, apiToken, accountId,
                ConnectionStatus.CREDENTIALS_REJECTED, tokenExpiresOn, createdAt, at);
    }

    /** The connection with new credentials, not yet verified; a token whose expiry date has already passed is refused. */
    public Connection withCredentials(EmailAddress newEmail, Secret newToken, Optional<LocalDate> newExpiry, Instant at) {
        requireTokenNotExpired(newExpiry, at);
        return new Connection(id, workspace, name, site, cloudId, newEmail, newToken, accountId, status, newExpiry, createdAt, at);
    }

    /** An expiry date is a day in UTC: a token that expires today is still taken today. */
    private static void requireTokenNotExpired(Optional<LocalDate> expiresOn, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (expiresOn.isPresent() && expiresOn.get().isBefore(today)) {
            throw InvalidInputException.of("tokenExpiresOn", "%s is in the past; the token has expired".formatted(expiresOn.get()));
        }
    }
}
