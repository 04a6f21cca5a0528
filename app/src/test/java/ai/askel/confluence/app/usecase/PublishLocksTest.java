package ai.askel.confluence.app.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.Deadline;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.error.ConflictException;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.DeadlineExceededException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.ports.in.RequestDeadline;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
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

    @Test
    void a_publish_waiting_behind_a_held_lock_gives_up_when_its_request_deadline_passes_not_after_the_whole_wait() {
        PublishLocks locks = new PublishLocks(Duration.ofMinutes(10));
        try (PublishLocks.Held held = locks.acquire(connection, space, Title.of("Crestview"))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> CompletableFuture.runAsync(() -> RequestDeadline.during(Deadline.after(Duration.ofMillis(300)),
                            () -> locks.acquire(connection, space, Title.of("Crestview")))).get(5, TimeUnit.SECONDS))
                    .cause().isInstanceOfSatisfying(DeadlineExceededException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DEADLINE_EXCEEDED))
                    .hasMessageContaining("deadline of 300 ms").hasMessageContaining("another publish of runbook 'Crestview'");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(3));
        }
        assertThat(locks.inFlight()).isZero();
    }

    @Test
    void a_wait_for_the_lock_that_is_interrupted_is_reported_as_interrupted_with_the_flag_kept() throws Exception {
        PublishLocks locks = new PublishLocks(Duration.ofMinutes(10));
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        try (PublishLocks.Held held = locks.acquire(connection, space, Title.of("Crestview"))) {
            Thread waiter = new Thread(() -> {
                try {
                    locks.acquire(connection, space, Title.of("Crestview")).close();
                } catch (RuntimeException e) {
                    failure.set(e);
                    stillInterrupted.set(Thread.currentThread().isInterrupted());
                }
            });
            waiter.start();
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (waiter.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < giveUp) {
                Thread.onSpinWait();
            }
            waiter.interrupt();
            waiter.join(5_000);
        }
        assertThat(failure.get()).isInstanceOf(ConnectorException.class).isNotInstanceOf(ConflictException.class)
                .hasMessageContaining("interrupted").hasMessageContaining("'Crestview'")
                .hasMessageNotContaining("still running")
                .satisfies(e -> assertThat(((ConnectorException) e).code()).as("retryable, not a bug").isEqualTo(ErrorCode.SERVER_BUSY));
        assertThat(stillInterrupted).as("the interrupt is kept for the caller to see").isTrue();
        assertThat(locks.inFlight()).isZero();
    }
}
