package ai.askel.confluence.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.ports.out.HealthCheckPort;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The database health check answers quickly, healthy or not. */
abstract class DatabaseHealthAdapterContract {
    private PersistenceFixture fixture;

    abstract TestDatabase database();

    @BeforeEach
    void freshDatabase() {
        fixture = PersistenceFixture.create(database());
    }

    @AfterEach
    void closeDatabase() {
        fixture.close();
    }

    @Test
    void a_reachable_database_is_healthy() {
        HealthCheckPort health = fixture.start().health();

        assertThat(health.name()).isEqualTo("database");
        assertThat(health.isHealthy()).isTrue();
    }

    @Test
    void a_closed_database_is_unhealthy_within_the_bound() {
        TestPersistenceComponent persistence = fixture.start();
        persistence.lifecycle().close();

        long started = System.nanoTime();
        boolean healthy = persistence.health().isHealthy();

        assertThat(healthy).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThanOrEqualTo(DatabaseHealthAdapter.TIMEOUT.plusMillis(500));
    }
}
