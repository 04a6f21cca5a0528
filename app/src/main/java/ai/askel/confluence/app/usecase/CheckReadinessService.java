package ai.askel.confluence.app.usecase;

import ai.askel.confluence.ports.in.CheckReadinessUseCase;
import ai.askel.confluence.ports.in.Readiness;
import ai.askel.confluence.ports.out.HealthCheckPort;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Ready when every health check answers; a check that throws counts as not healthy. */
final class CheckReadinessService implements CheckReadinessUseCase {
    private final Set<HealthCheckPort> checks;

    @Inject
    public CheckReadinessService(Set<HealthCheckPort> checks) {
        this.checks = Set.copyOf(checks);
    }

    @Override
    public Readiness check() {
        Map<String, Boolean> results = new TreeMap<>();
        for (HealthCheckPort check : checks) {
            results.merge(check.name(), healthy(check), Boolean::logicalAnd);
        }
        return new Readiness(results);
    }

    private static boolean healthy(HealthCheckPort check) {
        try {
            return check.isHealthy();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
