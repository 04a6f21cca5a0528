package ai.askel.confluence.adapter.persistence;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/** Reads the SQL state of a failed statement; H2 and PostgreSQL share the standard codes used here. */
final class SqlErrors {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String STRING_TOO_LONG = "22001";
    /** PostgreSQL answers 23503 for both directions, H2 23506 for a missing parent. */
    private static final Set<String> MISSING_PARENT = Set.of("23503", "23506");

    private SqlErrors() {
    }

    static boolean isUniqueViolation(Throwable failure) {
        return UNIQUE_VIOLATION.equals(sqlState(failure));
    }

    /** A unique violation of the index or constraint named {@code index} (both databases name it in their message). */
    static boolean isUniqueViolationOf(Throwable failure, String index) {
        if (!isUniqueViolation(failure)) {
            return false;
        }
        String name = index.toLowerCase(Locale.ROOT);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(name)) {
                return true;
            }
        }
        return false;
    }

    static boolean isTooLong(Throwable failure) {
        return STRING_TOO_LONG.equals(sqlState(failure));
    }

    static boolean isMissingParent(Throwable failure) {
        String state = sqlState(failure);
        return state != null && MISSING_PARENT.contains(state);
    }

    /**
     * Runs an update-or-insert; if a concurrent writer inserted the same key between our update and
     * our insert, runs it once more (the update then finds the row).
     */
    static <T> T retryingInsertRace(Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            return work.get();
        }
    }

    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
