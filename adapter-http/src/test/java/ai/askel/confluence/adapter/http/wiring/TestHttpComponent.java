package ai.askel.confluence.adapter.http.wiring;

import ai.askel.confluence.adapter.http.HttpAdapterModule;
import ai.askel.confluence.adapter.http.HttpApiServer;
import ai.askel.confluence.adapter.http.HttpServerSettings;
import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;

/**
 * A component like the app's, in another package: it proves that {@link HttpAdapterModule} wires the
 * server from nothing but the use cases and the settings, with every adapter class package-private.
 */
@Singleton
@Component(modules = {HttpAdapterModule.class, UseCasesModule.class, MetricsModule.class})
public interface TestHttpComponent {
    HttpApiServer server();

    @Component.Factory
    interface Factory {
        TestHttpComponent create(@BindsInstance HttpServerSettings settings, @BindsInstance UseCases useCases);
    }
}
