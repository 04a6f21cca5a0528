package ai.askel.confluence.app.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.error.ConflictException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PublishLocksTest {
    private final ConnectionId connection = ConnectionId.random();
    private final SpaceKey space = SpaceKey.of("OPS");

    @Test
    void a_second_publish_of_the_same_runbook_waits_until_its_deadline() {
        PublishLocks locks = new PublishLocks(Duration.ofMillis(100));
        try (PublishLocks.Held held = locks.acquire(connection, space, Title.of("Crestview"))) {
            assertThatThrownBy(() -> CompletableFuture.runAsync(() -> locks.acquire(connection, space, Title.of("Crestview")).close())
                    .get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(ConflictException.class)
                    .hasMessageContaining("another publish of runbook 'Crestview'");
        }
        assertThat(locks.inFlight()).isZero();
    }

    @Test
    void other_runbooks_and_other_connector_instances_never_wait() throws Exception {
        PublishLocks locks = new PublishLocks(Duration.ofMillis(100));
        try (PublishLocks.Held held = locks.acquire(connection, space, Title.of("Crestview"))) {
            CompletableFuture.runAsync(() -> locks.acquire(connection, space, Title.of("Other")).close()).get(5, TimeUnit.SECONDS);
            PublishLocks anotherInstance = new PublishLocks(Duration.ofMillis(100));
            CompletableFuture.runAsync(() -> anotherInstance.acquire(connection, space, Title.of("Crestview")).close()).get(5, TimeUnit.SECONDS);
            assertThat(locks.inFlight()).isEqualTo(1);
        }
        assertThat(locks.inFlight()).as("no lock is kept once nobody holds it").isZero();
    }
}
