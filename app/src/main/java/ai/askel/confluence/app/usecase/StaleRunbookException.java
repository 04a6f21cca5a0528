package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.error.ConflictException;

/** Another publisher moved the runbook (or its page) first: the publish re-loads and re-evaluates. */
final class StaleRunbookException extends ConflictException {
    private static final long serialVersionUID = 1L;

    StaleRunbookException(String message) {
        super(message);
    }
}
