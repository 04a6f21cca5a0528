package ai.askel.confluence.ports.out;

import ai.askel.confluence.domain.ConfluenceUser;
import java.util.Map;
import java.util.Set;

/** Who the credentials belong to (v1 {@code /user/current}), and the names of other people (v2 {@code /users-bulk}). */
public interface ConfluenceUsersPort {
    /** The most account ids {@link #displayNames} takes: the {@code maxItems} of v2 {@code POST /users-bulk}'s {@code accountIds}. */
    int MAX_BULK_LOOKUP = 250;

    /**
     * The account the credentials act as. Rejected credentials, including those Confluence silently
     * treats as anonymous, raise {@link ai.askel.confluence.domain.error.CredentialsRejectedException}.
     */
    ConfluenceUser currentUser(ConfluenceAccess access);

    /**
     * The display names of these accounts, in one call; an account Confluence does not know (or will not name) is left out.
     * At most {@link #MAX_BULK_LOOKUP} ids; none asks nothing.
     */
    Map<String, String> displayNames(ConfluenceAccess access, Set<String> accountIds);
}
