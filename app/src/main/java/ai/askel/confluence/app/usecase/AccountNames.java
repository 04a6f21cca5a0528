package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConfluenceUsersPort;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The names of the people behind account ids, for the words of drift findings: asked of Confluence in one bulk lookup
 * (at most {@link ConfluenceUsersPort#MAX_BULK_LOOKUP} ids; any beyond are shown by id). Names never fail a scan: when the
 * lookup fails, the names it answered before stand in (so a finding's words, and an acknowledgement of it, do not change
 * with a passing failure), and an account never named is shown by its id. Instance-scoped, with a bounded memory.
 */
@Singleton
final class AccountNames {
    private static final Logger LOG = LoggerFactory.getLogger(AccountNames.class);
    /** How many names are remembered for when a lookup fails (least recently used go first). */
    static final int REMEMBERED = 10_000;

    private final ConfluenceUsersPort users;
    private final Map<String, String> remembered = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    @Inject
    AccountNames(ConfluenceUsersPort users) {
        this.users = users;
    }

    /** How to call each of these accounts: "Bob Smith", or "account 557058:…" when Confluence has not named it. No ids, no call. */
    UnaryOperator<String> lookUp(ConfluenceAccess access, Set<String> accountIds) {
        if (accountIds.isEmpty()) {
            return AccountNames::unnamed;
        }
        Set<String> asked = accountIds.stream().sorted().limit(ConfluenceUsersPort.MAX_BULK_LOOKUP)
                .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
        Map<String, String> found;
        try {
            found = users.displayNames(access, asked);
        } catch (ConnectorException e) {
            LOG.info("the names of {} accounts could not be looked up in Confluence ({}); findings name them as before or by id",
                    asked.size(), e.code());
            found = Map.of();
        }
        synchronized (remembered) {
            remembered.putAll(found);
            Map<String, String> known = new LinkedHashMap<>();
            accountIds.forEach(id -> {
                String name = remembered.get(id);
                if (name != null) {
                    known.put(id, name);
                }
            });
            return id -> known.containsKey(id) ? known.get(id) : unnamed(id);
        }
    }

    /**
     * How to call these accounts for words a caller waits on (a refused publish): from the names answered before, with
     * one lookup only when some account was never named.
     */
    UnaryOperator<String> forAnswer(ConfluenceAccess access, Set<String> accountIds) {
        synchronized (remembered) {
            if (remembered.keySet().containsAll(accountIds)) {
                return remembered();
            }
        }
        return lookUp(access, accountIds);
    }

    /** How to call each account from the names answered before, without asking Confluence. */
    UnaryOperator<String> remembered() {
        synchronized (remembered) {
            Map<String, String> known = Map.copyOf(remembered);
            return id -> known.containsKey(id) ? known.get(id) : unnamed(id);
        }
    }

    private static String unnamed(String accountId) {
        return "account " + accountId;
    }
}
