package ai.askel.confluence.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.domain.JobId;
import ai.askel.confluence.ports.out.ClusterSchedulerPort;
import ai.askel.confluence.ports.out.ClusterSchedulerPort.ClusterWork;
import ai.askel.confluence.ports.out.ClusterSchedulerPort.ItemRun;
import ai.askel.confluence.ports.out.ClusterSchedulerPort.RecurringWork;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ClusterSchedulerPort} with two workers on one database, as two instances
 * would run: every queued item runs once, a retried one runs again, and each occurrence of a
 * recurring task runs on one worker only.
 */
abstract class ClusterSchedulerContract extends PersistenceContract {
    private TestPersistenceComponent second;

    @AfterEach
    void stopWorkers() {
        persistence.clusterScheduler().stop();
        if (second != null) {
            second.clusterScheduler().stop();
        }
    }

    private ClusterSchedulerPort secondWorker() {
        second = fixture.start();
        return second.clusterScheduler();
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met in time").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void every_queued_item_runs_once_across_two_workers_even_when_queued_twice() throws Exception {
        JobId job = JobId.random();
        Map<Integer, AtomicInteger> runs = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> byWorker = new ConcurrentHashMap<>();
        List<Integer> items = IntStream.range(0, 40).boxed().toList();
        persistence.clusterScheduler().start(new ClusterWork((id, index) -> {
            runs.computeIfAbsent(index, k -> new AtomicInteger()).incrementAndGet();
            byWorker.computeIfAbsent("first", k -> new AtomicInteger()).incrementAndGet();
            sleep(20);
            return ItemRun.DONE;
        }, List.of()));
        secondWorker().start(new ClusterWork((id, index) -> {
            runs.computeIfAbsent(index, k -> new AtomicInteger()).incrementAndGet();
            byWorker.computeIfAbsent("second", k -> new AtomicInteger()).incrementAndGet();
            sleep(20);
            return ItemRun.DONE;
        }, List.of()));
        persistence.clusterScheduler().enqueue(job, items);
        second.clusterScheduler().enqueue(job, items);

        awaitTrue(() -> runs.size() == items.size(), Duration.ofSeconds(30));
        Thread.sleep(300); // a duplicate run would show up now
        assertThat(runs.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        int queued = fixture.raw().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'askel-job-item'")
                .mapTo(Integer.class).one());
        assertThat(queued).as("done items leave the queue").isZero();
        assertThat(byWorker).as("both workers took items").containsKeys("first", "second");
    }

    @Test
    void a_thread_freed_by_a_finished_item_takes_the_next_item_without_waiting_for_the_poll() throws Exception {
        // a poll far longer than the test: only a fetch that the finished item triggers can start the next one in time
        SchedulerSettings slowPoll = new SchedulerSettings(4, Duration.ofMinutes(5), Fixtures.SCHEDULER.heartbeat(),
                Fixtures.SCHEDULER.missedHeartbeats(), Fixtures.SCHEDULER.shutdownWait(), Fixtures.SCHEDULER.retryBackoff(), "slow-poll");
        second = fixture.start(slowPoll);
        JobId job = JobId.random();
        List<Integer> items = IntStream.range(0, 8).boxed().toList();
        Map<Integer, CountDownLatch> release = new ConcurrentHashMap<>();
        items.forEach(i -> release.put(i, new CountDownLatch(1)));
        List<Integer> started = new CopyOnWriteArrayList<>();
        second.clusterScheduler().enqueue(job, items);
        second.clusterScheduler().start(new ClusterWork((id, index) -> {
            started.add(index);
            await(release.get(index));
            return ItemRun.DONE;
        }, List.of()));
        awaitTrue(() -> started.size() == 4, Duration.ofSeconds(30));

        release.get(started.get(0)).countDown();

        // three threads still busy, one free: the free one runs the fifth item now, not at the next poll
        awaitTrue(() -> started.size() == 5, Duration.ofSeconds(10));
        assertThat(started).doesNotHaveDuplicates();
        release.values().forEach(CountDownLatch::countDown);
    }

    @Test
    void an_item_that_asks_for_a_retry_runs_again_after_the_backoff() throws Exception {
        JobId job = JobId.random();
        AtomicInteger runs = new AtomicInteger();
        persistence.clusterScheduler().start(new ClusterWork((id, index) -> runs.incrementAndGet() < 3 ? ItemRun.RETRY : ItemRun.DONE,
                List.of()));

        persistence.clusterScheduler().enqueue(job, List.of(0));

        awaitTrue(() -> runs.get() == 3, Duration.ofSeconds(30));
        Thread.sleep(500);
        assertThat(runs.get()).isEqualTo(3);
    }

    @Test
    void each_occurrence_of_a_recurring_task_runs_on_one_worker_only() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger overlap = new AtomicInteger();
        Runnable scan = () -> {
            if (inFlight.incrementAndGet() > 1) {
                overlap.incrementAndGet();
            }
            runs.incrementAndGet();
            sleep(50);
            inFlight.decrementAndGet();
        };
        Duration interval = Duration.ofMillis(300);
        long started = System.nanoTime();
        persistence.clusterScheduler().start(new ClusterWork((id, index) -> ItemRun.DONE, List.of(new RecurringWork("scan", interval, scan))));
        secondWorker().start(new ClusterWork((id, index) -> ItemRun.DONE, List.of(new RecurringWork("scan", interval, scan))));

        Thread.sleep(3_000);
        persistence.clusterScheduler().stop();
        second.clusterScheduler().stop();
        long elapsed = Duration.ofNanos(System.nanoTime() - started).toMillis();

        // once per occurrence: at most one run per (interval + run time) since start, never two at once
        assertThat(runs.get()).isBetween(2, (int) (elapsed / (interval.toMillis() + 50)) + 1);
        assertThat(overlap.get()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the item was never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
