package ai.askel.confluence.adapter.http;

import ai.askel.confluence.adapter.http.console.WebConsole;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The HTTP API for the app's component: it needs the inbound use cases bound (by the app) and an
 * {@link HttpServerSettings} and {@code ConsoleSettings}, and gives the {@link HttpApiServer} (which
 * also serves the onboarding console at {@code /console} unless its settings turn it off).
 */
@Module
public final class HttpAdapterModule {
    private HttpAdapterModule() {
    }

    @Provides
    @Singleton
    static HttpApiServer httpApiServer(HttpServerSettings settings, RequestPipeline pipeline, HttpMetrics metrics,
                                       ProblemMapper problems, ConnectionRoutes connections, PageRoutes pages,
                                       RunbookRoutes runbooks, DriftRoutes drift, JobRoutes jobs, AdminRoutes admin,
                                       OperationsRoutes operations, WebConsole console) {
        return new HttpApiServer(settings, pipeline, metrics, problems,
                List.of(connections, pages, runbooks, drift, jobs, admin, operations), console);
    }
}
