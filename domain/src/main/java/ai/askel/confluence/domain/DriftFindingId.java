package ai.askel.confluence.domain;

import ai.askel.confluence.domain.error.InvalidInputException;

/** The stored identity of a drift finding: what a person names when acting on it. */
public record DriftFindingId(long value) {
    public DriftFindingId {
        if (value <= 0) {
            throw InvalidInputException.of("findingId", "must be a positive number");
        }
    }

    /** Parses an id given by a caller (a path segment, a CLI argument). */
    public static DriftFindingId parse(String text) {
        try {
            return new DriftFindingId(Long.parseLong(text == null ? "" : text.strip()));
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("findingId", "'%s' is not a drift finding id (a positive number)".formatted(text));
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
