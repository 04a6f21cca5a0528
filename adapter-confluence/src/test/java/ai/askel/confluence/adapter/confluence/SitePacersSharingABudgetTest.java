package ai.askel.confluence.adapter.confluence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Several callers pacing themselves against one site's fixed-window budget, as several connector instances (or
 * the connector beside another tool) do: each sees only its own calls and the counts Confluence reports. Simulated
 * in virtual time, so the outcome is exact and the test takes milliseconds.
 */
class SitePacersSharingABudgetTest {
    private static final long MS = 1_000_000L;
    private static final int BUDGET = 4_000;
    private static final long WINDOW = 10_000 * MS;
    private static final long LATENCY = 50 * MS;

    @ParameterizedTest(name = "{0} instances of {1} callers, up to {2} ms of work between calls, answers up to {3} ms after the count")
    @CsvSource({"3, 10, 0, 0", "5, 30, 20, 0", "2, 30, 50, 0", "3, 40, 0, 300", "1, 100, 0, 300", "1, 300, 0, 800"})
    void callers_sharing_a_site_meet_no_429_and_still_spend_its_budget(int instances, int callers, int workMillis, int serverMillis) {
        Outcome outcome = new Simulation(instances, callers, workMillis, serverMillis).run(3 * BUDGET + BUDGET / 4);

        assertThat(outcome.tooMany()).as("429s over three windows and a quarter").isZero();
        assertThat(outcome.seconds()).as("the rate floor is 30 s; the last quarter window takes a second or two").isLessThan(33.0);
    }

    @Test
    void an_instance_alone_spends_the_whole_budget_without_a_429() {
        Outcome outcome = new Simulation(1, 30, 0, 0).run(3 * BUDGET + BUDGET / 4);

        assertThat(outcome.tooMany()).isZero();
        assertThat(outcome.seconds()).as("the rate floor is 30 s").isLessThan(33.0);
    }

    @Test
    void an_instance_beside_a_tool_that_does_not_pace_itself_leaves_room_for_the_tools_calls() {
        Simulation simulation = new Simulation(1, 10, 0, 0);
        simulation.unpacedCaller(Duration.ofMillis(5)); // 200 calls a second, whatever the budget says

        Outcome outcome = simulation.run(2 * BUDGET);

        assertThat(outcome.tooMany() + outcome.othersTooMany()).as("429s to either").isZero();
        assertThat(outcome.seconds()).as("half of each window's budget is the connector's: four windows and a little for 8,000 calls")
                .isLessThan(45.0);
    }

    private record Outcome(int tooMany, int othersTooMany, double seconds) {
    }

    /**
     * Instances of {@code threads} callers each, every call taking 40 to 60 ms on the wire and counted halfway, its
     * answer coming up to {@code serverMillis} later still (so answers do not come back in the order counted), each
     * caller doing up to {@code workMillis} of other work before its next call.
     */
    private static final class Simulation {
        private final PriorityQueue<Event> events = new PriorityQueue<>();
        private final Random random = new Random(7);
        private final List<SitePacer> pacers = new ArrayList<>();
        private final int threads;
        private final long work;
        private final long server;
        private long now;
        private long sequence;
        // the site's fixed window, as Confluence and the sandbox keep it: it starts with the first call after the last ended
        private long windowStart = -WINDOW;
        private int used;
        private int answered;
        private int tooMany;
        private int othersTooMany;
        private Duration unpacedEvery;

        Simulation(int instances, int threads, int workMillis, int serverMillis) {
            this.threads = threads;
            this.work = workMillis * MS;
            this.server = serverMillis * MS;
            for (int i = 0; i < instances; i++) {
                pacers.add(new SitePacer(Duration.ofMillis(250), Duration.ofSeconds(60), () -> now));
            }
        }

        void unpacedCaller(Duration every) {
            this.unpacedEvery = every;
        }

        Outcome run(int calls) {
            for (SitePacer pacer : pacers) {
                for (int t = 0; t < threads; t++) {
                    book(pacer);
                }
            }
            if (unpacedEvery != null) {
                at(0, () -> unpaced());
            }
            while (answered < calls && now < 120 * 1_000 * MS) {
                Event e = events.poll();
                now = e.at;
                e.action.run();
            }
            return new Outcome(tooMany, othersTooMany, now / 1e9);
        }

        private void book(SitePacer pacer) {
            long start = now + pacer.reserve(Duration.ofDays(1)).delay().toNanos();
            long latency = LATENCY * (80 + random.nextInt(41)) / 100; // 40 to 60 ms
            at(start + latency / 2, () -> {
                Counted counted = count(true);
                at(now + latency / 2 + server * random.nextInt(1001) / 1000, () -> {
                    pacer.observe(counted.signalAt(now));
                    pacer.settled();
                    at(now + work * random.nextInt(1001) / 1000, () -> book(pacer));
                });
            });
        }

        private void unpaced() {
            at(now + LATENCY / 2, () -> count(false));
            at(now + unpacedEvery.toNanos(), this::unpaced);
        }

        /** Confluence counting one call on arrival, and what its answer will say. */
        private Counted count(boolean paced) {
            if (now - windowStart >= WINDOW) {
                windowStart = now;
                used = 0;
            }
            long reset = windowStart + WINDOW;
            if (used >= BUDGET) {
                if (paced) {
                    tooMany++;
                } else {
                    othersTooMany++;
                }
                return new Counted(429, 0, reset, Optional.of(Duration.ofSeconds((reset - now + 999_999_999L) / 1_000_000_000L)));
            }
            used++;
            if (paced) {
                answered++;
            }
            return new Counted(200, BUDGET - used, reset, Optional.empty());
        }

        private void at(long time, Runnable action) {
            events.add(new Event(time, sequence++, action));
        }
    }

    /** A call as Confluence counted it; the reset is a point in time, so an answer read later sees it nearer. */
    private record Counted(int status, int remaining, long resetAt, Optional<Duration> retryAfter) {
        RateSignal signalAt(long now) {
            return new RateSignal(status, OptionalInt.of(BUDGET), OptionalInt.of(remaining), Optional.of(Duration.ofNanos(Math.max(0, resetAt - now))),
                    remaining < BUDGET * 0.2, retryAfter);
        }
    }

    private record Event(long at, long sequence, Runnable action) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            return at != o.at ? Long.compare(at, o.at) : Long.compare(sequence, o.sequence);
        }
    }
}
