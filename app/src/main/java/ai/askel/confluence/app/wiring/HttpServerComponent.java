package ai.askel.confluence.app.wiring;

import ai.askel.confluence.adapter.http.HttpAdapterModule;
import ai.askel.confluence.adapter.http.HttpApiServer;
import ai.askel.confluence.app.config.AppConfig;
import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;

/**
 * The connector's HTTP API, wired over the use cases of a running connector. It is a component of its own so
 * that the library (and its embedders) need {@code adapter-http} and Javalin only when they serve HTTP.
 */
@Singleton
@Component(dependencies = ConnectorUseCases.class, modules = {HttpAdapterModule.class, HttpSettingsModule.class})
public interface HttpServerComponent {

    HttpApiServer httpServer();

    @Component.Factory
    interface Factory {
        HttpServerComponent create(ConnectorUseCases useCases, @BindsInstance AppConfig config);
    }

    static HttpServerComponent create(ConnectorComponent connector) {
        return DaggerHttpServerComponent.factory().create(connector, connector.config());
    }
}
