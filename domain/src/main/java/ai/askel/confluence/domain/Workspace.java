package ai.askel.confluence.domain;

import ai.askel.confluence.domain.error.ConflictException;
import ai.askel.confluence.domain.error.InvalidInputException;
import java.time.Instant;
import java.util.Objects;

/** A tenant of the connector: its connections, runbooks, API keys and audit log are its own. */
public record Workspace(WorkspaceId id, String name, Instant createdAt) {
    public static final int MAX_NAME_LENGTH = 100;

    public Workspace {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        name = requireName(name);
    }

    /** What creating a second workspace under a name already taken answers: names are unique. */
    public static ConflictException nameTaken(String name) {
        return new ConflictException("a workspace named '%s' already exists: choose another name".formatted(name));
    }

    /** A workspace name: 1 to 100 characters, no control characters, surrounding spaces dropped. */
    public static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw InvalidInputException.of("name", "is required");
        }
        String stripped = name.strip();
        if (stripped.chars().anyMatch(Character::isISOControl)) {
            throw InvalidInputException.of("name", "must not contain control characters");
        }
        if (stripped.length() > MAX_NAME_LENGTH) {
            throw InvalidInputException.of("name", "is %d characters long; at most %d are allowed".formatted(stripped.length(), MAX_NAME_LENGTH));
        }
        return stripped;
    }
}
