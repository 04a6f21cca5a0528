package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.WorkspaceIds;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.ports.in.MetricsSnapshot;
import ai.askel.confluence.ports.in.Readiness;
import ai.askel.confluence.ports.in.TemplateDescriptor;
import ai.askel.confluence.ports.out.HealthCheckPort;
import ai.askel.confluence.ports.out.MasterKey;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Metrics, readiness, template listing and master-key rotation. */
class SmallServicesTest {

    @Test
    void metrics_count_calls_retries_and_rate_limit_waits_from_many_threads() throws Exception {
        ConnectorMetricsService metrics = new ConnectorMetricsService();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            pool.submit(() -> {
                for (int i = 0; i < 1000; i++) {
                    metrics.callCompleted("GET /wiki/api/v2/pages/{id}", 200, Duration.ofMillis(5));
                }
                metrics.callCompleted("GET /wiki/api/v2/pages/{id}", 429, Duration.ofMillis(5));
                metrics.retryScheduled("GET /wiki/api/v2/pages/{id}", Duration.ofMillis(250), true);
                metrics.retryScheduled("POST /wiki/rest/api/content", Duration.ofMillis(100), false);
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        MetricsSnapshot snapshot = metrics.snapshot();

        assertThat(snapshot.confluenceCalls()).containsEntry("GET /wiki/api/v2/pages/{id} 200", 4000L)
                .containsEntry("GET /wiki/api/v2/pages/{id} 429", 4L).hasSize(2);
        assertThat(snapshot.retries()).isEqualTo(8);
        assertThat(snapshot.rateLimitWaits()).isEqualTo(4);
        assertThat(snapshot.rateLimitWaitMillis()).isEqualTo(1000);
    }

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

    @Test
    void templates_are_listed_with_their_inputs_and_default_labels() {
        List<TemplateDescriptor> templates = new ListTemplatesService(
                TestTemplates.catalog(new TestTemplates.Runbook(), new TestTemplates.Broken())).list();

        assertThat(templates).extracting(TemplateDescriptor::id).containsExactly("broken", "test-runbook");
        assertThat(templates.get(1).inputs()).hasSize(5);
        assertThat(templates.get(1).defaultLabels()).containsExactly("runbook");
        assertThat(templates.get(1).version()).isEqualTo("1.0");
    }

    @Test
    void the_master_key_is_rotated_to_the_decoded_key_with_a_stable_id() {
        UseCaseFixture f = new UseCaseFixture();
        List<MasterKey> rotatedTo = new ArrayList<>();
        RotateMasterKeyService service = new RotateMasterKeyService(key -> {
            rotatedTo.add(key);
            return 3;
        }, f.audit);
        byte[] key = new byte[32];
        key[0] = 42;
        String base64 = Base64.getEncoder().encodeToString(key);

        assertThat(service.rotate(base64)).isEqualTo(3);
        service.rotate(base64);

        assertThat(rotatedTo).hasSize(2);
        assertThat(rotatedTo.get(0).key()).isEqualTo(key);
        assertThat(rotatedTo.get(0).id()).isEqualTo(rotatedTo.get(1).id()).startsWith("k-").doesNotContain(base64);
        assertThat(f.auditLog.recent(WorkspaceIds.DEFAULT, 5)).hasSize(2)
                .allSatisfy(e -> assertThat(e.outcome()).contains("re-encrypted 3 secrets").doesNotContain(base64));
    }

    @Test
    void a_master_key_that_is_not_32_base64_bytes_is_refused_before_rotation() {
        RotateMasterKeyService service = new RotateMasterKeyService(key -> {
            throw new AssertionError("must not rotate");
        }, new UseCaseFixture().audit);

        assertThatThrownBy(() -> service.rotate("not base64!")).isInstanceOf(InvalidInputException.class).hasMessageContaining("base64");
        assertThatThrownBy(() -> service.rotate(Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> service.rotate(" ")).isInstanceOf(InvalidInputException.class);
    }
}
