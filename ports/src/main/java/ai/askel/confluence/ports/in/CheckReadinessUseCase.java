package ai.askel.confluence.ports.in;

/** Whether the connector can serve requests now (database reachable). */
public interface CheckReadinessUseCase {
    Readiness check();
}
