package ai.askel.confluence.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The scale and the locations of a run, from {@code -Dbench.*} system properties (defaults in benchmarks/pom.xml). */
record BenchConfig(Path out, Path peerDir, Path appJar, Path launcher, Set<String> scenarios, int attachmentMib, int bulkRunbooks,
                   int bulkConnections, Duration bulkLatency, int bulkRateLimit, Duration bulkRateWindow, int searchResults,
                   int driftPages) {

    static BenchConfig fromSystemProperties() {
        return new BenchConfig(
                Path.of(System.getProperty("bench.out", "target")),
                Path.of(System.getProperty("bench.peer.dir", "peer")),
                Path.of(System.getProperty("bench.app.jar", "../cli/target/askel-confluence.jar")),
                Path.of(System.getProperty("bench.launcher", "../bin/askel-confluence")),
                Arrays.stream(System.getProperty("bench.scenarios", "all").split(",")).map(String::trim)
                        .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet()),
                Integer.getInteger("bench.attachment.mib", 1024),
                Integer.getInteger("bench.bulk.runbooks", 1000),
                Integer.getInteger("bench.bulk.connections", 10),
                Duration.ofMillis(Integer.getInteger("bench.bulk.latency-ms", 50)),
                Integer.getInteger("bench.bulk.rate-limit", 3000),
                Duration.ofSeconds(Integer.getInteger("bench.bulk.rate-window-s", 10)),
                Integer.getInteger("bench.search.results", 10_000),
                Integer.getInteger("bench.drift.pages", 10000));
    }

    boolean runs(String scenarioId) {
        return scenarios.contains("all") || scenarios.contains(scenarioId);
    }
}
