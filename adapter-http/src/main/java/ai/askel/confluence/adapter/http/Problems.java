package ai.askel.confluence.adapter.http;

import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.domain.error.InvalidInputException.Problem;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Collects every invalid field of one request, so a caller learns all of them at once rather than
 * one per attempt. The domain's value objects do the checking; this only gathers their complaints.
 */
final class Problems {
    private final List<Problem> problems = new ArrayList<>();
    private final Set<ErrorCode> codes = EnumSet.noneOf(ErrorCode.class);

    /** The value, or null after recording why it is invalid (the domain's own field name). */
    <T> T check(Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            codes.add(e.code());
            return null;
        }
    }

    /** The value, or null after recording why {@code field} is invalid (named as the request names it). */
    <T> T check(String field, Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> problems.add(new Problem(field, p.message())));
            codes.add(e.code());
            return null;
        }
    }

    /** A required raw field: present and not blank. */
    String required(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
            return null;
        }
        return value;
    }

    <T> T required(String field, T value) {
        if (value == null) {
            add(field, "is required");
        }
        return value;
    }

    /** An optional field: empty when absent, otherwise converted (and checked). */
    <R> Optional<R> optional(String field, String value, Function<String, R> conversion) {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(check(field, () -> conversion.apply(value)));
    }

    void add(String field, String message) {
        problems.add(new Problem(field, message));
        codes.add(ErrorCode.INVALID_INPUT);
    }

    /** Throws every problem found; their code is the domain's when they all share one (a storage-format error stays one). */
    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new Collected(codes.size() == 1 ? codes.iterator().next() : ErrorCode.INVALID_INPUT, problems);
        }
    }

    /** Invalid input gathered from several checks. */
    static final class Collected extends InvalidInputException {
        private static final long serialVersionUID = 1L;

        Collected(ErrorCode code, List<Problem> problems) {
            super(code, problems);
        }
    }
}
