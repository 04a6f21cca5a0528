package ai.askel.confluence.domain;

import ai.askel.confluence.domain.error.InvalidInputException;
import java.util.Locale;

/**
 * What an API key may do, each scope including the ones before it: {@code READ} reads, {@code WRITE} also changes
 * Confluence content and connections, {@code ADMIN} also manages the workspace's keys and reads its audit log.
 */
public enum ApiKeyScope {
    READ, WRITE, ADMIN;

    /** Whether a key of this scope may do what needs {@code required}. */
    public boolean allows(ApiKeyScope required) {
        return compareTo(required) >= 0;
    }

    /** The scope named {@code read}, {@code write} or {@code admin} (any case). */
    public static ApiKeyScope parse(String name) {
        if (name != null) {
            for (ApiKeyScope scope : values()) {
                if (scope.name().equalsIgnoreCase(name.strip())) {
                    return scope;
                }
            }
        }
        throw InvalidInputException.of("scope", "must be read, write or admin");
    }

    /** The lower-case name the CLI and the HTTP API use. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
