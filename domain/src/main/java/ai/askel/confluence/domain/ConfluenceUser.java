package ai.askel.confluence.domain;

import java.util.Objects;

/** The Atlassian account a connection acts as. */
public record ConfluenceUser(String accountId, String displayName) {
    public ConfluenceUser {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(displayName, "displayName");
    }
}
