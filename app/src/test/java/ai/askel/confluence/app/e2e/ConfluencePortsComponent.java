package ai.askel.confluence.app.e2e;

import ai.askel.confluence.adapter.confluence.ConfluenceAdapterModule;
import ai.askel.confluence.adapter.confluence.ConfluenceClientSettings;
import ai.askel.confluence.ports.out.ConfluenceCallObserver;
import ai.askel.confluence.ports.out.ConfluenceLabelsPort;
import ai.askel.confluence.ports.out.ConfluencePagesPort;
import ai.askel.confluence.ports.out.ConfluenceSpacesPort;
import ai.askel.confluence.ports.out.ConfluenceUsersPort;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;

/** Only the Confluence adapter, wired as the app wires it, for the port contracts against the sandbox. */
@Singleton
@Component(modules = {ConfluenceAdapterModule.class, ConfluencePortsComponent.Defaults.class})
interface ConfluencePortsComponent {
    ConfluenceSpacesPort spaces();

    ConfluencePagesPort pages();

    ConfluenceLabelsPort labels();

    ConfluenceUsersPort users();

    static ConfluencePortsComponent create() {
        return DaggerConfluencePortsComponent.create();
    }

    @Module
    final class Defaults {
        private Defaults() {
        }

        @Provides
        static ConfluenceClientSettings settings() {
            return ConfluenceClientSettings.defaults();
        }

        @Provides
        static ConfluenceCallObserver observer() {
            return ConfluenceCallObserver.NONE;
        }

        @Provides
        @jakarta.inject.Singleton
        static io.micrometer.core.instrument.MeterRegistry registry() {
            return new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        }
    }
}
