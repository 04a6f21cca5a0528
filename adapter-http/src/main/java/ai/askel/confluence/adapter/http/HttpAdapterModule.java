package ai.askel.confluence.adapter.http;

import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The HTTP API for the app's component: it needs the inbound use cases bound (by the app) and an
 * {@link HttpServerSettings}, and gives the {@link HttpApiServer}.
 */
@Module
public final class HttpAdapterModule {
    private HttpAdapterModule() {
    }

    @Provides
    @Singleton
    static HttpApiServer httpApiServer(HttpServerSettings settings, RequestPipeline pipeline, HttpMetrics metrics,
                                       ProblemMapper problems, ConnectionRoutes connections, PageRoutes pages,
                                       RunbookRoutes runbooks, JobRoutes jobs, OperationsRoutes operations) {
        return new HttpApiServer(settings, pipeline, metrics, problems, List.of(connections, pages, runbooks, jobs, operations));
    }
}
