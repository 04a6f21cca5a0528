package ai.askel.confluence.domain.error;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Input that can never succeed; lists every problem found, each naming its field. */
public class InvalidInputException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    /** One problem with one field of the input. */
    public record Problem(String field, String message) {
        public Problem {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            return field + ": " + message;
        }
    }

    /** The message names at most this many problems; {@link #problems()} has them all. */
    public static final int MAX_DESCRIBED = 20;

    private final transient List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        this(ErrorCode.INVALID_INPUT, problems);
    }

    protected InvalidInputException(ErrorCode code, List<Problem> problems) {
        super(code, describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** Input Confluence refused (400), with its {@code atl-traceid}. */
    public InvalidInputException(List<Problem> problems, String traceId) {
        super(ErrorCode.INVALID_INPUT, describe(problems), traceId, null);
        this.problems = List.copyOf(problems);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new Problem(field, message)));
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid-input error needs at least one problem");
        }
        // a request with a million bad elements must not answer with a million-entry message
        String shown = problems.stream().limit(MAX_DESCRIBED).map(Problem::toString).collect(Collectors.joining("; "));
        return problems.size() <= MAX_DESCRIBED ? shown : shown + "; and " + (problems.size() - MAX_DESCRIBED) + " more";
    }
}
