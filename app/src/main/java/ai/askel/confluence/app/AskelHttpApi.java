package ai.askel.confluence.app;

import ai.askel.confluence.adapter.http.HttpApiServer;
import ai.askel.confluence.app.wiring.HttpServerComponent;

/**
 * The connector's HTTP API for an embedded connector. Needs {@code adapter-http} on the class path (an optional
 * dependency of {@code app}); the server listens where the connector's configuration says ({@code ASKEL_HTTP_HOST},
 * {@code ASKEL_HTTP_PORT}) once started.
 *
 * <pre>{@code
 * try (HttpApiServer server = AskelHttpApi.server(askel).start()) { ... }
 * }</pre>
 */
public final class AskelHttpApi {
    private AskelHttpApi() {
    }

    /** A new, not yet started server over this connector's use cases. */
    public static HttpApiServer server(AskelConfluence askel) {
        return HttpServerComponent.create(askel.component()).httpServer();
    }
}
