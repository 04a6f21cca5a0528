package ai.askel.confluence.app;

import ai.askel.confluence.adapter.http.HttpApiServer;
import ai.askel.confluence.app.config.AppConfig;
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
        return server(askel, askel.config());
    }

    /**
     * A new, not yet started server over this connector's use cases, with the HTTP settings of {@code config}
     * (its host, port, limits and console settings) instead of the connector's own: for example a second
     * listener, or one on another port.
     */
    public static HttpApiServer server(AskelConfluence askel, AppConfig config) {
        return HttpServerComponent.create(askel.useCases(), config).httpServer();
    }
}
