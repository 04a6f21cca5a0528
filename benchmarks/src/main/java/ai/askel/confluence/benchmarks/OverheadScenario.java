package ai.askel.confluence.benchmarks;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.annotations.Mode;

/**
 * runs {@link ReadPageBenchmark} with JMH (1 fork, 10 warm-up and 5 measured two-second iterations) and reports the
 * ratio. The warm-up is long enough for thousands of reads: with five one-second iterations (about a thousand reads on a
 * slow host) the JIT had not finished compiling the connector's read path and the ratio measured the compiler.
 */
final class OverheadScenario implements Scenario {
    private static final int FORKS = 1;
    private static final int WARMUPS = 10;
    private static final int ITERATIONS = 5;
    private static final int SECONDS_PER_ITERATION = 2;

    @Override
    public String id() {
        return "overhead";
    }

    @Override
    public String title() {
        return "5. Overhead of the connector on one page read (JMH)";
    }

    @Override
    public void run(BenchConfig config, Report.Section section) throws Exception {
        Options options = new OptionsBuilder()
                .include(ReadPageBenchmark.class.getName() + "\\.")
                .mode(Mode.AverageTime).timeUnit(TimeUnit.MICROSECONDS)
                .forks(FORKS).warmupIterations(WARMUPS).warmupTime(TimeValue.seconds(SECONDS_PER_ITERATION))
                .measurementIterations(ITERATIONS).measurementTime(TimeValue.seconds(SECONDS_PER_ITERATION))
                .threads(1)
                .jvmArgsAppend("-Xmx256m", "-Dlogback.configurationFile=logback-bench.xml")
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Result<?>> byMethod = new TreeMap<>();
        for (RunResult r : results) {
            String benchmark = r.getParams().getBenchmark();
            byMethod.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), r.getPrimaryResult());
        }
        Result<?> connector = byMethod.get("connector");
        Result<?> bare = byMethod.get("bareJdkHttpClient");
        if (connector == null || bare == null) {
            throw new IllegalStateException("JMH returned " + byMethod.keySet());
        }
        section.figure("read one page through the connector", connector.getScore(), "µs/op",
                String.format(java.util.Locale.ROOT, "± %.1f (99.9%% CI)", connector.getScoreError()));
        section.figure("the same GET with the bare JDK HttpClient", bare.getScore(), "µs/op",
                String.format(java.util.Locale.ROOT, "± %.1f (99.9%% CI); body read as a string, not parsed", bare.getScoreError()));
        section.figure("ratio connector ÷ bare client", connector.getScore() / bare.getScore(), "×",
                Target.atMost(1.3, "the connector's own work adds less than a third to the call"),
                "the connector also finds the connection (served from memory), maps JSON to domain records and checks the storage body");
        section.note("JMH " + FORKS + " fork, " + WARMUPS + " warm-up and " + ITERATIONS + " measured iterations of " + SECONDS_PER_ITERATION
                + " s, one thread;"
                + " sandbox in the same forked JVM over loopback. Short runs: read the error bars.");
        section.note("Where the connector's own time goes (a CPU profile of the calling thread on the same read in a loop, not a"
                + " figure of this run; see benchmarks/README.md): Feign's request building and decoding about a third, checking the"
                + " storage body Confluence sent (an XML parse) about a quarter, the exchange itself about a fifth, Jackson's mapping"
                + " about a seventh.");
    }
}
