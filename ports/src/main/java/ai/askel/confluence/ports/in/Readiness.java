package ai.askel.confluence.ports.in;

import java.util.Map;

/** Whether each dependency answers; ready when all do. */
public record Readiness(Map<String, Boolean> checks) {
    public Readiness {
        checks = Map.copyOf(checks);
    }

    public boolean ready() {
        return checks.values().stream().allMatch(Boolean::booleanValue);
    }
}
