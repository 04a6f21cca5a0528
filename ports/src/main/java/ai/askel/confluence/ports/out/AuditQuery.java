package ai.askel.confluence.ports.out;

import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.InvalidInputException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which audit events of a workspace to read: those that occurred at or after {@code from} and before {@code to}, of
 * the one {@code action} (an operation such as {@code page.create}), newest first, at most {@code limit} of them,
 * continuing below the sequence number {@code before} (the previous page's cursor).
 */
public record AuditQuery(WorkspaceId workspace, Optional<Instant> from, Optional<Instant> to, Optional<String> action, int limit,
                         Optional<Long> before) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 250;
    public static final int MAX_ACTION_LENGTH = 100;

    public AuditQuery {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        action = Objects.requireNonNull(action, "action").map(String::strip).filter(a -> !a.isEmpty());
        Objects.requireNonNull(before, "before");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.of("limit", "must be between 1 and %d, was %d".formatted(MAX_LIMIT, limit));
        }
        if (action.isPresent() && (action.get().length() > MAX_ACTION_LENGTH || action.get().chars().anyMatch(Character::isISOControl))) {
            throw InvalidInputException.of("action", "must be an operation name of at most %d characters".formatted(MAX_ACTION_LENGTH));
        }
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw InvalidInputException.of("from", "must be before 'to'");
        }
        if (before.isPresent() && before.get() < 1) {
            throw InvalidInputException.of("cursor", "is not a cursor this API gave out");
        }
    }

    /** The newest {@link #DEFAULT_LIMIT} events of the workspace. */
    public static AuditQuery newest(WorkspaceId workspace) {
        return new AuditQuery(workspace, Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_LIMIT, Optional.empty());
    }

    public AuditQuery withFrom(Instant at) {
        return new AuditQuery(workspace, Optional.of(at), to, action, limit, before);
    }

    public AuditQuery withTo(Instant at) {
        return new AuditQuery(workspace, from, Optional.of(at), action, limit, before);
    }

    public AuditQuery withAction(String operation) {
        return new AuditQuery(workspace, from, to, Optional.of(operation), limit, before);
    }

    public AuditQuery withLimit(int max) {
        return new AuditQuery(workspace, from, to, action, max, before);
    }

    public AuditQuery withBefore(long sequence) {
        return new AuditQuery(workspace, from, to, action, limit, Optional.of(sequence));
    }
}
