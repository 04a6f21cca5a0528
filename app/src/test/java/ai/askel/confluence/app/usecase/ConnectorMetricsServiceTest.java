package ai.askel.confluence.app.usecase;

import ai.askel.confluence.ports.in.MetricsSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectorMetricsServiceTest {

    @Test
    void metrics_count_calls_retries_and_rate_limit_waits_from_many_threads() throws Exception {
        ConnectorMetricsService metrics = new ConnectorMetricsService(new JobMetricsRecorder());
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
}
