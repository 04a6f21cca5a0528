package ai.askel.confluence.adapter.http.wiring;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.inject.Singleton;

/** The registries the app provides: one Prometheus registry, recorded to and scraped. */
@Module
interface MetricsModule {
    @Provides
    @Singleton
    static PrometheusMeterRegistry prometheus() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    @Binds
    MeterRegistry registry(PrometheusMeterRegistry prometheus);
}
