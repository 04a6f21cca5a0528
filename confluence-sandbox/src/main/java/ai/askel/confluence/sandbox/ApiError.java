package ai.askel.confluence.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error answered the way Confluence Cloud answers it: v2 endpoints use the {@code {"errors":[…]}} envelope,
 * v1 endpoints the {@code {"statusCode":…,"data":…,"message":…}} envelope. Thrown by handlers, written by one
 * exception handler.
 */
final class ApiError extends RuntimeException {

    enum Style { V1, V2 }

    private static final long serialVersionUID = 1L;

    private final int status;
    private final Style style;
    private final String code;

    private ApiError(int status, Style style, String code, String message) {
        super(message);
        this.status = status;
        this.style = style;
        this.code = code;
    }

    static ApiError v2(int status, String code, String title) {
        return new ApiError(status, Style.V2, code, title);
    }

    static ApiError v1(int status, String message) {
        return new ApiError(status, Style.V1, "", message);
    }

    int status() {
        return status;
    }

    Object body() {
        if (style == Style.V2) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("status", String.valueOf(status));
            error.put("code", code);
            error.put("title", getMessage());
            error.put("detail", null);
            return Map.of("errors", List.of(error));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("authorized", status != 401 && status != 403);
        data.put("valid", status != 400);
        data.put("errors", List.of());
        data.put("successful", false);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statusCode", status);
        body.put("data", data);
        body.put("message", getMessage());
        body.put("reason", reason(status));
        return body;
    }

    private static String reason(int status) {
        switch (status) {
            case 400: return "Bad Request";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 409: return "Conflict";
            case 410: return "Gone";
            case 413: return "Payload Too Large";
            default: return "Error";
        }
    }
}
