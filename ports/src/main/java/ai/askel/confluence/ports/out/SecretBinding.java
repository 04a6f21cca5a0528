package ai.askel.confluence.ports.out;

import java.util.Objects;

/**
 * What an encrypted secret belongs to: the record that holds it (a connection's id) and what it is for
 * (its purpose, such as {@code confluence-api-token}). A secret encrypted under a binding decrypts only
 * under the same one, so its ciphertext copied into another record's row, or used for another purpose,
 * fails authentication instead of yielding the secret.
 */
public record SecretBinding(String owner, String purpose) {
    /** The purpose of a connection's Atlassian API token. */
    public static final String CONFLUENCE_API_TOKEN = "confluence-api-token";

    public SecretBinding {
        requireText(owner, "owner");
        requireText(purpose, "purpose");
    }

    public static SecretBinding apiTokenOf(String connectionId) {
        return new SecretBinding(connectionId, CONFLUENCE_API_TOKEN);
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isEmpty() || value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(name + " must be non-empty and contain no NUL character");
        }
    }
}
