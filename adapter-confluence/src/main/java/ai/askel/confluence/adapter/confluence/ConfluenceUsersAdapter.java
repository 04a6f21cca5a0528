package ai.askel.confluence.adapter.confluence;

import ai.askel.confluence.domain.ConfluenceUser;
import ai.askel.confluence.domain.error.CredentialsRejectedException;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConfluenceUsersPort;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Who the credentials act as, via v1 {@code /user/current}. */
@Singleton
final class ConfluenceUsersAdapter implements ConfluenceUsersPort {
    private final ConfluenceClients clients;

    @Inject
    ConfluenceUsersAdapter(ConfluenceClients clients) {
        this.clients = clients;
    }

    @Override
    public ConfluenceUser currentUser(ConfluenceAccess access) {
        ConnectionClient c = clients.of(access);
        var user = clients.policy().call("the current user", Replay.SAFE, () -> c.api().currentUser());
        // Credentials Confluence does not accept can come back as 200 for the anonymous user instead of 401.
        if (user == null || "anonymous".equalsIgnoreCase(user.type()) || user.accountId() == null || user.accountId().isBlank()) {
            throw new CredentialsRejectedException(
                    "Confluence answered as the anonymous user: the email and API token were not accepted", null);
        }
        String name = user.displayName() != null && !user.displayName().isBlank() ? user.displayName()
                : user.publicName() != null ? user.publicName() : user.accountId();
        return new ConfluenceUser(user.accountId(), name);
    }
}
