package ai.askel.confluence.benchmarks;

import ai.askel.confluence.app.AskelConfluence;
import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.WorkspaceIds;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.RegisterConnectionCommand;
import ai.askel.confluence.sandbox.ConfluenceSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * What durable commits cost on the embedded H2 database: publishes per second with the shipped setting
 * (every commit written to the file before it returns, {@code WRITE_DELAY=0}) beside H2's default (written
 * by a background thread up to 500 ms later, which loses acknowledged writes on kill -9), in one run, on
 * the same sandbox, alternating the two (which one goes first changes from round to round) so that a noisy neighbour
 * hurts both alike, after an untimed round of each.
 */
final class DurableCommitsScenario implements Scenario {
    private static final int THREADS = 4;
    /**
     * Publishes before each timed round, untimed: with 20 and 150 timed, the first rounds ran on a barely compiled JVM
     * and the ratio swung between 16 % and 30 % from one run to the next.
     */
    private static final int WARM_UP = 200;
    private static final int PUBLISHES = 600;
    /** Even, so that each setting goes first as often as the other. */
    private static final int ROUNDS = 4;
    /** The shipped setting, given like the other one so that both databases are created the same way (by Flyway). */
    // both with the page size the connector's own URL for its embedded database sets (PersistenceSettings.SMALL_PAGES)
    private static final String DURABLE = "WRITE_DELAY=0;PAGE_SIZE=4096";
    private static final String DELAYED = "WRITE_DELAY=500;PAGE_SIZE=4096";

    @Override
    public String id() {
        return "durability";
    }

    @Override
    public String title() {
        return "9. Durable commits on embedded H2: publishes per second";
    }

    @Override
    public void run(BenchConfig config, Report.Section section) throws Exception {
        double[] durable = new double[ROUNDS];
        double[] delayed = new double[ROUNDS];
        try (ConfluenceSandbox sandbox = ConfluenceSandbox.builder().port(0)
                .user("bench@example.com", "bench-token", "557058:bench", "Bench").space("DUR", "Durability").start()) {
            // a round of each untimed first: the JVM's first round ran at half speed and always fell on the durable setting
            publishesPerSecond(sandbox, DURABLE, "durable-untimed");
            publishesPerSecond(sandbox, DELAYED, "delayed-untimed");
            for (int round = 0; round < ROUNDS; round++) {
                boolean durableFirst = round % 2 == 1; // the untimed round ended with the delayed setting
                if (durableFirst) {
                    durable[round] = publishesPerSecond(sandbox, DURABLE, "durable-" + round);
                }
                delayed[round] = publishesPerSecond(sandbox, DELAYED, "delayed-" + round);
                if (!durableFirst) {
                    durable[round] = publishesPerSecond(sandbox, DURABLE, "durable-" + round);
                }
            }
        }
        double durableMean = mean(durable);
        double delayedMean = mean(delayed);
        section.figure("publishes per second, durable commits (shipped: WRITE_DELAY=0)", durableMean, "/s",
                "mean of %d rounds (%s); %d threads, %d publishes each, no Confluence latency".formatted(ROUNDS, rounds(durable), THREADS,
                        PUBLISHES));
        section.figure("publishes per second, H2's default write delay (500 ms, not durable)", delayedMean, "/s",
                "mean of %d rounds (%s)".formatted(ROUNDS, rounds(delayed)));
        section.figure("cost of durable commits", 100.0 * (1 - durableMean / delayedMean), "% fewer publishes per second",
                Target.atMost(25, "team goal: durability by default must not cost a quarter of the throughput"),
                "each first publish commits 2 or 3 times (the runbook's row; the parent's record, once; its state with its page and audit event); with a real Confluence (100+ ms per"
                        + " call) the difference disappears in the network time");
        section.note("No fsync either way: H2 writes the commit to the file (the OS page cache) before it returns, which survives the"
                + " process being killed; only PostgreSQL (synchronous_commit on) also survives a power loss.");
    }

    private static double publishesPerSecond(ConfluenceSandbox sandbox, String writeDelay, String name) throws Exception {
        Path dir = Files.createTempDirectory("askel-bench-durability-");
        AskelConfluence.Builder builder = AskelConfluence.builder().dataDirectory(dir).allowSiteOrigin(sandbox.baseUrl())
                .database("jdbc:h2:file:" + dir.toAbsolutePath().resolve("askel") + ";DB_CLOSE_ON_EXIT=FALSE;" + writeDelay, "", "");
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (AskelConfluence askel = builder.build()) {
            Connection c = askel.registerConnection().register(new RegisterConnectionCommand(WorkspaceIds.DEFAULT, name,
                    sandbox.baseUrl(), "bench@example.com", Secret.of("bench-token", "apiToken"), Optional.empty(), Optional.empty()));
            ConnectionRef ref = askel.defaultWorkspace().connection(c.id());
            publish(askel, ref, pool, name + " warm-up ", WARM_UP);
            long start = System.nanoTime();
            publish(askel, ref, pool, name + " ", PUBLISHES);
            return PUBLISHES / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary directory left behind is harmless
            }
        }
    }

    private static void publish(AskelConfluence askel, ConnectionRef ref, ExecutorService pool, String prefix, int count) throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String title = prefix + i;
            futures.add(pool.submit(() -> askel.publishRunbook().publish(Runbooks.minimal(ref, SpaceKey.of("DUR"), title))));
        }
        for (Future<?> f : futures) {
            f.get();
        }
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static String rounds(double[] values) {
        List<String> out = new ArrayList<>();
        for (double v : values) {
            out.add(Figure.format(v));
        }
        return String.join(", ", out);
    }
}
