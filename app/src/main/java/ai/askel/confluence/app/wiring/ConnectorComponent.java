package ai.askel.confluence.app.wiring;

import ai.askel.confluence.adapter.confluence.ConfluenceAdapterModule;
import ai.askel.confluence.adapter.persistence.PersistenceAdapterModule;
import ai.askel.confluence.adapter.persistence.PersistenceLifecycle;
import ai.askel.confluence.app.config.AppConfig;
import dagger.BindsInstance;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Named;
import dagger.Component;
import jakarta.inject.Singleton;

/** The whole connector, wired: adapters and use cases, from one {@link AppConfig}. The HTTP server is wired apart ({@link HttpServerComponent}). */
@Singleton
@Component(modules = {SettingsModule.class, UseCaseModule.class, MetricsModule.class, ConfluenceAdapterModule.class,
        PersistenceAdapterModule.class})
public interface ConnectorComponent extends ConnectorUseCases {

    /** Migrates the database and checks the master key; close it to release the pool. */
    PersistenceLifecycle persistence();

    /** The configuration this connector was built from. */
    AppConfig config();

    @Component.Factory
    interface Factory {
        /** {@code hostRegistry}: a registry of the embedding host that receives every meter too, or {@link MetricsModule#NO_HOST_REGISTRY}. */
        ConnectorComponent create(@BindsInstance AppConfig config, @BindsInstance @Named(MetricsModule.HOST) MeterRegistry hostRegistry);
    }

    static ConnectorComponent create(AppConfig config) {
        return create(config, MetricsModule.NO_HOST_REGISTRY);
    }

    /** The connector, recording its meters into {@code hostRegistry} as well as into the one {@code /metrics} serves. */
    static ConnectorComponent create(AppConfig config, MeterRegistry hostRegistry) {
        return DaggerConnectorComponent.factory().create(config, hostRegistry);
    }
}
