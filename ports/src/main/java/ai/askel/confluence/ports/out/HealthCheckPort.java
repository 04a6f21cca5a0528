package ai.askel.confluence.ports.out;

/** A dependency the connector needs to serve requests (the database, for one). */
public interface HealthCheckPort {
    /** A short name, such as {@code database}. */
    String name();

    /** Whether it answers now; must return quickly (a bounded check, never a hang). */
    boolean isHealthy();
}
