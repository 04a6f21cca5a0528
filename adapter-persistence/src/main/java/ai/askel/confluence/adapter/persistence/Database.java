package ai.askel.confluence.adapter.persistence;

import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.error.InvalidInputException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.function.Function;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The adapters' one way into JDBI. A constraint violation is left for the adapter to translate
 * (it knows what the conflict means); any other database failure becomes an {@code INTERNAL}
 * {@link ConnectorException}, so no JDBI type leaves the adapter.
 */
@Singleton
final class Database {
    private final Jdbi jdbi;

    @Inject
    Database(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One statement (or several that need not be atomic) with a DAO, in auto-commit. */
    <D, T> T with(Class<D> dao, Function<D, T> work) {
        return withHandle(handle -> work.apply(handle.attach(dao)));
    }

    <T> T withHandle(HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi.withHandle(work);
        } catch (JdbiException e) {
            throw translate(e);
        }
    }

    /** All of {@code work} or nothing of it. */
    <T> T inTransaction(HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi.inTransaction(work);
        } catch (JdbiException e) {
            throw translate(e);
        }
    }

    /** An update-or-insert in a transaction, run once more if a concurrent insert of the same key won the race. */
    <T> T upsert(HandleCallback<T, RuntimeException> work) {
        return SqlErrors.retryingInsertRace(() -> inTransaction(work));
    }

    private static RuntimeException translate(JdbiException e) {
        if (SqlErrors.isUniqueViolation(e) || SqlErrors.isMissingParent(e)) {
            return e;
        }
        if (SqlErrors.isTooLong(e)) {
            return InvalidInputException.of("value", "is longer than the database column allows (" + rootMessage(e) + ")");
        }
        return new ConnectorException(ErrorCode.INTERNAL, "the database failed: " + rootMessage(e), null, e);
    }

    private static String rootMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                return t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }
}
