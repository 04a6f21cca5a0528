package ai.askel.confluence.ports.out;

import ai.askel.confluence.domain.ConfluenceUser;

/** Who the credentials belong to (v1 {@code /user/current}). */
public interface ConfluenceUsersPort {
    /**
     * The account the credentials act as. Rejected credentials, including those Confluence silently
     * treats as anonymous, raise {@link ai.askel.confluence.domain.error.CredentialsRejectedException}.
     */
    ConfluenceUser currentUser(ConfluenceAccess access);
}
