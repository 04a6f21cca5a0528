package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.error.InvalidInputException;

/** Page sizes the listing use cases accept (Confluence's v2 maximum is 250). */
final class Paging {
    static final int MAX_LIMIT = 250;

    private Paging() {
    }

    static int requireLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.of("limit", "must be between 1 and %d, was %d".formatted(MAX_LIMIT, limit));
        }
        return limit;
    }
}
