package ai.askel.confluence.ports.in;

/** The connector's counters, for {@code /metrics}. */
public interface ReadMetricsUseCase {
    MetricsSnapshot snapshot();
}
