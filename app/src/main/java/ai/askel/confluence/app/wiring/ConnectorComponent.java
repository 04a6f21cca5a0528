package ai.askel.confluence.app.wiring;

import ai.askel.confluence.adapter.confluence.ConfluenceAdapterModule;
import ai.askel.confluence.adapter.persistence.PersistenceAdapterModule;
import ai.askel.confluence.adapter.persistence.HostDatabaseSettings;
import ai.askel.confluence.adapter.persistence.PersistenceLifecycle;
import ai.askel.confluence.app.config.AppConfig;
import ai.askel.confluence.app.usecase.UseCaseModule;
import dagger.BindsInstance;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Named;
import dagger.Component;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The whole connector, wired: adapters and use cases, from one {@link AppConfig}. The HTTP server is wired apart ({@link HttpServerComponent}). */
@Singleton
@Component(modules = {SettingsModule.class, UseCaseModule.class, MetricsModule.class, ConfluenceAdapterModule.class,
        PersistenceAdapterModule.class})
public interface ConnectorComponent extends ConnectorUseCases {

    /** Migrates the database and checks the master key; close it to release the pool. */
    PersistenceLifecycle persistence();

    /** The configuration this connector was built from. */
    AppConfig config();

    /** This process's part in the cluster's work, started and stopped by the embedding process. */
    ClusterWorker clusterWorker();

    @Component.Factory
    interface Factory {
        /** {@code hostRegistry}: a registry of the embedding host that receives every meter too, or {@link MetricsModule#NO_HOST_REGISTRY}. */
        ConnectorComponent create(@BindsInstance AppConfig config, @BindsInstance HostDatabaseSettings database, @BindsInstance Clock clock,
                                  @BindsInstance @Named(MetricsModule.HOST) MeterRegistry hostRegistry);
    }

    /** The connector on its own database pool (or embedded H2), migrated into its own history table, on the system clock. */
    static ConnectorComponent create(AppConfig config) {
        return create(config, HostDatabaseSettings.defaults(), Clock.systemUTC(), MetricsModule.NO_HOST_REGISTRY);
    }

    /** The connector, recording its meters into {@code hostRegistry} as well as into the one {@code /metrics} serves. */
    static ConnectorComponent create(AppConfig config, MeterRegistry hostRegistry) {
        return create(config, HostDatabaseSettings.defaults(), Clock.systemUTC(), hostRegistry);
    }

    /** The connector in a host: the host's database settings, clock and, if it gave one, meter registry. */
    static ConnectorComponent create(AppConfig config, HostDatabaseSettings database, Clock clock, java.util.Optional<MeterRegistry> hostRegistry) {
        return create(config, database, clock, hostRegistry.orElse(MetricsModule.NO_HOST_REGISTRY));
    }

    private static ConnectorComponent create(AppConfig config, HostDatabaseSettings database, Clock clock, MeterRegistry hostRegistry) {
        return DaggerConnectorComponent.factory().create(config, database, clock, hostRegistry);
    }
}
