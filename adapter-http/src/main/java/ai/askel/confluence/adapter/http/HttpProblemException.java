package ai.askel.confluence.adapter.http;

import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.error.InvalidInputException.Problem;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * A failure of the HTTP exchange itself (wrong content type, body too large, JSON that does not parse). Its status is
 * its code's, from {@link ProblemMapper#status}, unless the exchange has one of its own that no code stands for:
 * 415 and 408 are both invalid input, answered with the status that names what was wrong.
 */
final class HttpProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final transient OptionalInt statusOverride;
    private final transient List<Problem> problems;

    HttpProblemException(ErrorCode code, String detail, List<Problem> problems) {
        this(code, OptionalInt.empty(), detail, problems);
    }

    private HttpProblemException(ErrorCode code, OptionalInt statusOverride, String detail, List<Problem> problems) {
        super(detail, null, false, false);
        this.code = code;
        this.statusOverride = statusOverride;
        this.problems = List.copyOf(problems);
    }

    static HttpProblemException unsupportedMediaType(String expected, String actual) {
        return new HttpProblemException(ErrorCode.INVALID_INPUT, OptionalInt.of(415),
                "Content-Type must be %s, was %s".formatted(expected, actual == null || actual.isBlank() ? "missing" : "'" + actual + "'"),
                List.of());
    }

    static HttpProblemException tooLarge(String what, long limit) {
        return new HttpProblemException(ErrorCode.PAYLOAD_TOO_LARGE, "%s is larger than the %d bytes allowed".formatted(what, limit),
                List.of());
    }

    static HttpProblemException bodyTooSlow(Duration budget) {
        return new HttpProblemException(ErrorCode.INVALID_INPUT, OptionalInt.of(408),
                "the request body did not arrive whole within %d s; the connection was closed".formatted(Math.max(1, budget.toSeconds())),
                List.of());
    }

    static HttpProblemException unauthenticated(String detail) {
        return new HttpProblemException(ErrorCode.UNAUTHENTICATED, detail, List.of());
    }

    static HttpProblemException badRequest(String field, String message) {
        return new HttpProblemException(ErrorCode.INVALID_INPUT, field + ": " + message, List.of(new Problem(field, message)));
    }

    ErrorCode code() {
        return code;
    }

    /** The status to answer instead of the code's, where the exchange has one of its own (415, 408). */
    OptionalInt statusOverride() {
        return statusOverride;
    }

    List<Problem> problems() {
        return problems;
    }
}
