package ai.askel.confluence.app.wiring;

import ai.askel.confluence.ports.out.ConfluenceCallObserver;
import ai.askel.confluence.ports.out.DriftScanObserver;
import ai.askel.confluence.ports.out.JobObserver;
import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The connector's meters: always a Prometheus registry (what {@code /metrics} serves); when the
 * embedding host gives its own registry, every meter is recorded into both through a composite.
 * Only adapters and wiring see Micrometer; the domain and the ports never do.
 */
@Module
abstract class MetricsModule {
    static final String HOST = "host-meter-registry";
    /** Stands for "no host registry": the factory takes a registry, and this one is never recorded into. */
    static final MeterRegistry NO_HOST_REGISTRY = new SimpleMeterRegistry();

    private MetricsModule() {
    }

    @Provides
    @Singleton
    static PrometheusMeterRegistry prometheus() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    @Provides
    @Singleton
    static MeterRegistry registry(PrometheusMeterRegistry prometheus, @Named(HOST) MeterRegistry host) {
        if (host == NO_HOST_REGISTRY) {
            return prometheus;
        }
        CompositeMeterRegistry both = new CompositeMeterRegistry();
        both.add(prometheus);
        both.add(host);
        return both;
    }

    @Binds
    abstract DriftScanObserver driftScanObserver(DriftScanMeters meters);

    @Binds
    abstract DriftScanGauges driftScanGauges(DriftScanMeters meters);

    @Binds
    abstract JobObserver jobObserver(JobMeters meters);

    /** The adapter's meters replace the old call counters; nothing else listens to its calls. */
    @Provides
    static ConfluenceCallObserver observer() {
        return ConfluenceCallObserver.NONE;
    }
}
