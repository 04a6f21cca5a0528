package ai.askel.confluence.adapter.confluence.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.adapter.confluence.ConfluenceAdapterModule;
import ai.askel.confluence.adapter.confluence.ConfluenceClientSettings;
import ai.askel.confluence.ports.out.ConfluenceAttachmentsPort;
import ai.askel.confluence.ports.out.ConfluenceCallObserver;
import ai.askel.confluence.ports.out.ConfluenceLabelsPort;
import ai.askel.confluence.ports.out.ConfluencePagesPort;
import ai.askel.confluence.ports.out.ConfluenceSearchPort;
import ai.askel.confluence.ports.out.ConfluenceSpacesPort;
import ai.askel.confluence.ports.out.ConfluenceUsersPort;
import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;

/**
 * The module is complete and usable from another package, as the app's component in {@code app.wiring}
 * will use it: with the settings and an observer bound, Dagger builds all six ports.
 */
class ConfluenceAdapterModuleTest {
    @Singleton
    @Component(modules = ConfluenceAdapterModule.class)
    interface Graph {
        ConfluenceSpacesPort spaces();

        ConfluencePagesPort pages();

        ConfluenceSearchPort search();

        ConfluenceLabelsPort labels();

        ConfluenceAttachmentsPort attachments();

        ConfluenceUsersPort users();

        @Component.Factory
        interface Factory {
            Graph create(@BindsInstance ConfluenceClientSettings settings, @BindsInstance ConfluenceCallObserver observer,
                         @BindsInstance io.micrometer.core.instrument.MeterRegistry registry);
        }
    }

    @Test
    void dagger_wires_every_port_as_a_singleton_from_another_package() {
        Graph graph = DaggerConfluenceAdapterModuleTest_Graph.factory().create(ConfluenceClientSettings.defaults(), ConfluenceCallObserver.NONE,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());

        assertThat(graph.pages()).isSameAs(graph.pages());
        assertThat(java.lang.reflect.Proxy.isProxyClass(graph.pages().getClass())).as("each port is behind UnusableAnswers").isTrue();
        assertThat(graph.pages().toString()).as("guarded ConfluencePagesAdapter").contains("ConfluencePagesAdapter");
        assertThat(graph.spaces().toString()).as("guarded ConfluenceSpacesAdapter").contains("ConfluenceSpacesAdapter");
        assertThat(graph.search().toString()).as("guarded ConfluenceSearchAdapter").contains("ConfluenceSearchAdapter");
        assertThat(graph.labels().toString()).as("guarded ConfluenceLabelsAdapter").contains("ConfluenceLabelsAdapter");
        assertThat(graph.attachments().toString()).as("guarded ConfluenceAttachmentsAdapter").contains("ConfluenceAttachmentsAdapter");
        assertThat(graph.users().toString()).as("guarded ConfluenceUsersAdapter").contains("ConfluenceUsersAdapter");
    }
}
