package ai.askel.confluence.adapter.http;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What a route answers: a status, an optional body (serialised as JSON), and extra headers. */
record Reply(int status, Optional<Object> body, Map<String, String> headers) {
    Reply {
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    static Reply ok(Object body) {
        return new Reply(200, Optional.of(body), Map.of());
    }

    static Reply created(Object body) {
        return new Reply(201, Optional.of(body), Map.of());
    }

    static Reply status(int status, Object body) {
        return new Reply(status, Optional.of(body), Map.of());
    }

    static Reply noContent() {
        return new Reply(204, Optional.empty(), Map.of());
    }
}
