package ai.askel.confluence.adapter.http;

import ai.askel.confluence.domain.ApiKeyScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The route table: every route is declared here once, with its method, path template, the scope of
 * API key it needs (none for the public routes: reads need {@code read}, changes {@code write}, the
 * workspace's keys and audit log {@code admin}), and what body it takes. The server registers exactly these with Javalin, and
 * the OpenAPI test compares the document with exactly these.
 */
final class Api {
    /** What a route reads from the request body. */
    enum Body {
        NONE, JSON, MULTIPART,
        /** JSON, or multipart/form-data with the JSON as a {@code request} part and files as the other parts. */
        JSON_OR_MULTIPART,
        /** A batch: a JSON array, or NDJSON (one JSON object per line). */
        BATCH
    }

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

    record Route(String method, String path, Optional<ApiKeyScope> scope, Body body, Handler handler) {
        Route {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(handler, "handler");
        }

        boolean authenticated() {
            return scope.isPresent();
        }
    }

    private final List<Route> routes = new ArrayList<>();

    Api get(String path, Handler handler) {
        return add(new Route("GET", path, Optional.of(ApiKeyScope.READ), Body.NONE, handler));
    }

    Api delete(String path, Handler handler) {
        return add(new Route("DELETE", path, Optional.of(ApiKeyScope.WRITE), Body.NONE, handler));
    }

    Api post(String path, Handler handler) {
        return add(new Route("POST", path, Optional.of(ApiKeyScope.WRITE), Body.NONE, handler));
    }

    Api postJson(String path, Handler handler) {
        return add(new Route("POST", path, Optional.of(ApiKeyScope.WRITE), Body.JSON, handler));
    }

    /** A POST whose body is a batch: a JSON array, or NDJSON (one JSON object per line). */
    Api postBatch(String path, Handler handler) {
        return add(new Route("POST", path, Optional.of(ApiKeyScope.WRITE), Body.BATCH, handler));
    }

    Api putJson(String path, Handler handler) {
        return add(new Route("PUT", path, Optional.of(ApiKeyScope.WRITE), Body.JSON, handler));
    }

    /** A POST whose JSON may come alone or as the {@code request} part of a multipart body with files. */
    Api postJsonWithFiles(String path, Handler handler) {
        return add(new Route("POST", path, Optional.of(ApiKeyScope.WRITE), Body.JSON_OR_MULTIPART, handler));
    }

    Api postMultipart(String path, Handler handler) {
        return add(new Route("POST", path, Optional.of(ApiKeyScope.WRITE), Body.MULTIPART, handler));
    }

    /** A route of the workspace's administration (its keys, its audit log): admin keys only. */
    Api admin(String method, String path, Body body, Handler handler) {
        return add(new Route(method, path, Optional.of(ApiKeyScope.ADMIN), body, handler));
    }

    /** A route anyone may call: health, metrics, the API description. */
    Api publicGet(String path, Handler handler) {
        return add(new Route("GET", path, Optional.empty(), Body.NONE, handler));
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
