package ai.askel.confluence.adapter.http;

import ai.askel.confluence.adapter.http.ApiJson.ReadinessJson;
import ai.askel.confluence.ports.in.CheckReadinessUseCase;
import ai.askel.confluence.ports.in.Readiness;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Liveness, readiness, Prometheus metrics and the OpenAPI document; none needs an API key. */
final class OperationsRoutes implements Api.Group {
    static final String OPENAPI_RESOURCE = "openapi.json";

    private final CheckReadinessUseCase readiness;
    private final HttpMetrics httpMetrics;
    private final String openApi;

    @Inject
    OperationsRoutes(CheckReadinessUseCase readiness, HttpMetrics httpMetrics) {
        this.readiness = readiness;
        this.httpMetrics = httpMetrics;
        this.openApi = openApiDocument();
    }

    @Override
    public void register(Api api) {
        api.publicGet("/health/live", call -> Reply.ok(Map.of("status", "UP")));
        api.publicGet("/health/ready", call -> {
            Readiness now = readiness.check();
            Map<String, String> checks = new TreeMap<>();
            now.checks().forEach((name, up) -> checks.put(name, up ? "UP" : "DOWN"));
            return Reply.status(now.ready() ? 200 : 503, new ReadinessJson(now.ready() ? "UP" : "DOWN", checks));
        });
        api.publicGet("/metrics", call -> new Reply(200, Optional.of(new PlainText(httpMetrics.exposition(),
                HttpMetrics.CONTENT_TYPE)), Map.of()));
        api.publicGet("/openapi.json", call -> Reply.ok(new RequestPipeline.RawJson(openApi)));
    }

    static String openApiDocument() {
        try (InputStream in = OperationsRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document " + OPENAPI_RESOURCE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A body that is not JSON. */
    record PlainText(String text, String contentType) {
    }
}
