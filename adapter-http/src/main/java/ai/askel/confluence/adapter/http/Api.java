package ai.askel.confluence.adapter.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The route table: every route is declared here once, with its method, path template, whether it
 * needs an API key, and what body it takes. The server registers exactly these with Javalin, and
 * the OpenAPI test compares the document with exactly these.
 */
final class Api {
    /** What a route reads from the request body. */
    enum Body { NONE, JSON, MULTIPART, BATCH }

    /** The largest batch body (a JSON array or NDJSON of up to 10,000 items, attachments inline). */
    static final long MAX_BATCH_BODY_BYTES = 64L * 1024 * 1024;

    /** A route's work: from the request to the reply. Errors are thrown as domain exceptions. */
    @FunctionalInterface
    interface Handler {
        Reply handle(Call call) throws Exception;
    }

    /** A part of the API that declares its routes. */
    interface Group {
        void register(Api api);
    }

    record Route(String method, String path, boolean authenticated, Body body, Handler handler) {
        Route {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(handler, "handler");
        }
    }

    private final List<Route> routes = new ArrayList<>();

    Api get(String path, Handler handler) {
        return add(new Route("GET", path, true, Body.NONE, handler));
    }

    Api delete(String path, Handler handler) {
        return add(new Route("DELETE", path, true, Body.NONE, handler));
    }

    Api post(String path, Handler handler) {
        return add(new Route("POST", path, true, Body.NONE, handler));
    }

    Api postJson(String path, Handler handler) {
        return add(new Route("POST", path, true, Body.JSON, handler));
    }

    /** A POST whose body is a batch: a JSON array, or NDJSON (one JSON object per line). */
    Api postBatch(String path, Handler handler) {
        return add(new Route("POST", path, true, Body.BATCH, handler));
    }

    Api putJson(String path, Handler handler) {
        return add(new Route("PUT", path, true, Body.JSON, handler));
    }

    Api postMultipart(String path, Handler handler) {
        return add(new Route("POST", path, true, Body.MULTIPART, handler));
    }

    /** A route anyone may call: health, metrics, the API description. */
    Api publicGet(String path, Handler handler) {
        return add(new Route("GET", path, false, Body.NONE, handler));
    }

    private Api add(Route route) {
        boolean duplicate = routes.stream().anyMatch(r -> r.method().equals(route.method()) && r.path().equals(route.path()));
        if (duplicate) {
            throw new IllegalStateException("route declared twice: " + route.method() + " " + route.path());
        }
        routes.add(route);
        return this;
    }

    List<Route> routes() {
        return List.copyOf(routes);
    }
}
