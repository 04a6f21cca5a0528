package ai.askel.confluence.app.usecase;

import ai.askel.confluence.ports.in.Readiness;
import ai.askel.confluence.ports.out.HealthCheckPort;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CheckReadinessServiceTest {

    private static HealthCheckPort check(String name, boolean healthy) {
        return new HealthCheckPort() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean isHealthy() {
                if (name.equals("throws")) {
                    throw new IllegalStateException("connection refused");
                }
                return healthy;
            }
        };
    }

    @Test
    void ready_only_when_every_check_answers() {
        assertThat(new CheckReadinessService(Set.of(check("database", true))).check().ready()).isTrue();

        Readiness readiness = new CheckReadinessService(Set.of(check("database", true), check("throws", true), check("cache", false))).check();

        assertThat(readiness.ready()).isFalse();
        assertThat(readiness.checks()).containsEntry("database", true).containsEntry("throws", false).containsEntry("cache", false);
    }
}
