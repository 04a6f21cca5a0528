package ai.askel.confluence.benchmarks;

/** Thrown by a scenario that cannot run here (a missing tool); the report says why instead of a figure. */
final class ScenarioSkipped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ScenarioSkipped(String reason) {
        super(reason);
    }
}
