package ai.askel.confluence.sandbox;

import java.util.Objects;

/**
 * A Confluence account the sandbox knows: Basic auth uses {@code email} and {@code apiToken}.
 *
 * @param email       the Atlassian account email (the Basic auth user name)
 * @param apiToken    the API token (the Basic auth password)
 * @param accountId   the Atlassian account id, e.g. {@code 557058:ada}
 * @param displayName the name shown in Confluence
 */
public record SandboxUser(String email, String apiToken, String accountId, String displayName) {

    public SandboxUser {
        requireText(email, "email");
        requireText(apiToken, "apiToken");
        requireText(accountId, "accountId");
        requireText(displayName, "displayName");
    }

    private static void requireText(String value, String field) {
        if (Objects.requireNonNull(value, field).isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "SandboxUser[email=" + email + ", accountId=" + accountId + ", displayName=" + displayName + "]";
    }
}
