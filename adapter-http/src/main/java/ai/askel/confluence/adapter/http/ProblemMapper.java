package ai.askel.confluence.adapter.http;

import ai.askel.confluence.adapter.http.ApiJson.FieldErrorJson;
import ai.askel.confluence.adapter.http.ApiJson.ProblemJson;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.domain.error.InvalidInputException.Problem;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Maps every error to an RFC 9457 problem: the one place where an {@link ErrorCode} gets its HTTP status. */
final class ProblemMapper {
    static final String PROBLEM_TYPE_BASE = "urn:askel:confluence:problem:";
    /** A problem lists at most this many field errors, then says how many there were in all. */
    static final int MAX_ERRORS = 20;
    static final String GENERIC_INTERNAL_DETAIL = "An unexpected error occurred inside the connector; it has been logged.";

    @Inject
    ProblemMapper() {
    }

    static int status(ErrorCode code) {
        return switch (code) {
            case INVALID_INPUT, INVALID_STORAGE_FORMAT, SITE_NOT_ALLOWED -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case PERMISSION_DENIED, PERMISSION_LOST -> 403;
            case NOT_FOUND -> 404;
            case METHOD_NOT_ALLOWED -> 405;
            case VERSION_CONFLICT, CONFLICT, DRIFT_DETECTED -> 409;
            case PAYLOAD_TOO_LARGE -> 413;
            case CREDENTIALS_REJECTED, IDEMPOTENCY_KEY_REUSED, TEMPLATE_ERROR -> 422;
            case RATE_LIMITED -> 429;
            case SECRET_KEY_MISMATCH, INTERNAL -> 500;
            case ENDPOINT_REMOVED, CONFLUENCE_ERROR, CONFLUENCE_RESPONSE_TOO_LARGE -> 502;
            case CONFLUENCE_UNAVAILABLE, CONNECTION_BUSY, SERVER_BUSY -> 503;
            case DEADLINE_EXCEEDED -> 504;
        };
    }

    Reply fromConnector(ConnectorException e, String instance) {
        int status = status(e.code());
        List<Problem> problems = e instanceof InvalidInputException invalid ? invalid.problems() : List.of();
        String detail = e.code() == ErrorCode.INTERNAL || e.code() == ErrorCode.SECRET_KEY_MISMATCH ? internalDetail(e) : e.getMessage();
        Map<String, String> headers = e.retryAfter()
                .map(d -> Map.of("Retry-After", Long.toString(Math.max(1, (d.toMillis() + 999) / 1000))))
                .orElse(Map.of());
        return reply(status, e.code(), detail, instance, e.traceId(), problems, headers);
    }

    Reply fromHttp(HttpProblemException e, String instance) {
        int status = e.statusOverride().orElse(status(e.code()));
        Map<String, String> headers = status == 401 ? Map.of("WWW-Authenticate", "Bearer") : Map.of();
        return reply(status, e.code(), e.getMessage(), instance, Optional.empty(), e.problems(), headers);
    }

    Reply unexpected(String instance) {
        return reply(status(ErrorCode.INTERNAL), ErrorCode.INTERNAL, GENERIC_INTERNAL_DETAIL, instance, Optional.empty(), List.of(), Map.of());
    }

    Reply of(ErrorCode code, String detail, String instance) {
        return of(status(code), code, detail, instance);
    }

    /** A problem whose status is given by someone else (Javalin's own exceptions), not by its code. */
    Reply of(int status, ErrorCode code, String detail, String instance) {
        return reply(status, code, detail, instance, Optional.empty(), List.of(), Map.of());
    }

    private static String internalDetail(ConnectorException e) {
        return e.code() == ErrorCode.SECRET_KEY_MISMATCH
                ? "Stored secrets cannot be decrypted with the configured master key."
                : GENERIC_INTERNAL_DETAIL;
    }

    private static Reply reply(int status, ErrorCode code, String detail, String instance, Optional<String> traceId,
                               List<Problem> problems, Map<String, String> headers) {
        List<FieldErrorJson> errors = problems.isEmpty() ? null
                : problems.stream().limit(MAX_ERRORS).map(p -> new FieldErrorJson(p.field(), p.message())).toList();
        Integer errorCount = problems.size() > MAX_ERRORS ? problems.size() : null;
        ProblemJson problem = new ProblemJson(PROBLEM_TYPE_BASE + code.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                title(code), status, detail, instance, code.name(), traceId.orElse(null), errors, errorCount);
        return new Reply(status, Optional.of(problem), headers);
    }

    static String title(ErrorCode code) {
        return switch (code) {
            case INVALID_INPUT -> "Invalid input";
            case INVALID_STORAGE_FORMAT -> "Invalid storage format";
            case NOT_FOUND -> "Not found";
            case VERSION_CONFLICT -> "Version conflict";
            case CONFLICT -> "Conflict";
            case CREDENTIALS_REJECTED -> "Confluence rejected the credentials";
            case PERMISSION_DENIED -> "Permission denied in Confluence";
            case UNAUTHENTICATED -> "Unauthenticated";
            case FORBIDDEN -> "Forbidden by the API key's scope";
            case RATE_LIMITED -> "Rate limited by Confluence";
            case PAYLOAD_TOO_LARGE -> "Payload too large";
            case SITE_NOT_ALLOWED -> "Site not allowed";
            case ENDPOINT_REMOVED -> "Confluence endpoint removed";
            case CONFLUENCE_UNAVAILABLE -> "Confluence unavailable";
            case CONFLUENCE_ERROR -> "Unexpected answer from Confluence";
            case CONFLUENCE_RESPONSE_TOO_LARGE -> "Confluence's answer is too large";
            case CONNECTION_BUSY -> "Connection busy";
            case SERVER_BUSY -> "Server busy";
            case METHOD_NOT_ALLOWED -> "Method not allowed";
            case DEADLINE_EXCEEDED -> "Deadline exceeded";
            case DRIFT_DETECTED -> "Page changed in Confluence";
            case PERMISSION_LOST -> "Write permission lost in Confluence";
            case IDEMPOTENCY_KEY_REUSED -> "Idempotency key reused";
            case TEMPLATE_ERROR -> "Template error";
            case SECRET_KEY_MISMATCH -> "Secret key mismatch";
            case INTERNAL -> "Internal error";
        };
    }
}
