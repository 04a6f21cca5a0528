package ai.askel.confluence.adapter.confluence;

import ai.askel.confluence.domain.ConfluenceUser;
import ai.askel.confluence.domain.error.CredentialsRejectedException;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConfluenceUsersPort;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Who the credentials act as, via v1 {@code /user/current}; other people's names via v2 {@code POST /users-bulk}. */
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

    @Override
    public Map<String, String> displayNames(ConfluenceAccess access, Set<String> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        if (accountIds.size() > MAX_BULK_LOOKUP) {
            throw new IllegalArgumentException("at most " + MAX_BULK_LOOKUP + " account ids per lookup, not " + accountIds.size());
        }
        ConnectionClient c = clients.of(access);
        List<String> ids = accountIds.stream().sorted().toList();
        // a POST that only reads: sending it again changes nothing
        var found = clients.policy().call("the names of " + ids.size() + " users", Replay.SAFE,
                () -> c.api().usersBulk(new ConfluenceWire.UsersBulk(ids)));
        Map<String, String> names = new HashMap<>();
        for (ConfluenceWire.User user : found.items()) {
            if (user == null || user.accountId() == null || !accountIds.contains(user.accountId())) {
                continue;
            }
            String name = user.displayName() != null && !user.displayName().isBlank() ? user.displayName() : user.publicName();
            if (name != null && !name.isBlank()) {
                names.put(user.accountId(), name.strip());
            }
        }
        return Map.copyOf(names);
    }
}
