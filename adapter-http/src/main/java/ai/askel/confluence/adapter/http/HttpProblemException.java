package ai.askel.confluence.adapter.http;

import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.error.InvalidInputException.Problem;
import java.util.List;

/**
 * A failure of the HTTP exchange itself (wrong content type, body too large, JSON that does not
 * parse) whose status is not simply its code's: 415 has no error code of its own, for one.
 */
final class HttpProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final ErrorCode code;
    private final transient List<Problem> problems;

    HttpProblemException(int status, ErrorCode code, String detail, List<Problem> problems) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.problems = List.copyOf(problems);
    }

    static HttpProblemException unsupportedMediaType(String expected, String actual) {
        return new HttpProblemException(415, ErrorCode.INVALID_INPUT,
                "Content-Type must be %s, was %s".formatted(expected, actual == null || actual.isBlank() ? "missing" : "'" + actual + "'"),
                List.of());
    }

    static HttpProblemException tooLarge(String what, long limit) {
        return new HttpProblemException(413, ErrorCode.PAYLOAD_TOO_LARGE,
                "%s is larger than the %d bytes allowed".formatted(what, limit), List.of());
    }

    static HttpProblemException bodyTooSlow(java.time.Duration budget) {
        return new HttpProblemException(408, ErrorCode.INVALID_INPUT,
                "the request body did not arrive whole within %d s; the connection was closed".formatted(Math.max(1, budget.toSeconds())),
                List.of());
    }

    static HttpProblemException unauthenticated(String detail) {
        return new HttpProblemException(401, ErrorCode.UNAUTHENTICATED, detail, List.of());
    }

    static HttpProblemException badRequest(String field, String message) {
        return new HttpProblemException(400, ErrorCode.INVALID_INPUT, field + ": " + message, List.of(new Problem(field, message)));
    }

    int status() {
        return status;
    }

    ErrorCode code() {
        return code;
    }

    List<Problem> problems() {
        return problems;
    }
}
