package ai.askel.confluence.app.wiring;

import ai.askel.confluence.adapter.confluence.ConfluenceAdapterModule;
import ai.askel.confluence.adapter.persistence.PersistenceAdapterModule;
import ai.askel.confluence.adapter.persistence.PersistenceLifecycle;
import ai.askel.confluence.app.config.AppConfig;
import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;

/** The whole connector, wired: adapters and use cases, from one {@link AppConfig}. The HTTP server is wired apart ({@link HttpServerComponent}). */
@Singleton
@Component(modules = {SettingsModule.class, UseCaseModule.class, ConfluenceAdapterModule.class, PersistenceAdapterModule.class})
public interface ConnectorComponent extends ConnectorUseCases {

    /** Migrates the database and checks the master key; close it to release the pool. */
    PersistenceLifecycle persistence();

    /** The configuration this connector was built from. */
    AppConfig config();

    @Component.Factory
    interface Factory {
        ConnectorComponent create(@BindsInstance AppConfig config);
    }

    static ConnectorComponent create(AppConfig config) {
        return DaggerConnectorComponent.factory().create(config);
    }
}
