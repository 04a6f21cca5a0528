package ai.askel.confluence.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code java -jar askel-confluence.jar serve} with embedded H2, from process start until
 * {@code /health/ready} answers 200. Three starts on a fresh data directory (database created, migrated, key file
 * generated) and three on the existing one; the median of each.
 */
final class StartupScenario implements Scenario {
    private static final int RUNS = 3;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Override
    public String id() {
        return "startup";
    }

    @Override
    public String title() {
        return "6. Start-up of serve until /health/ready";
    }

    @Override
    public void run(BenchConfig config, Report.Section section) throws Exception {
        Path jar = config.appJar().toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with ./mvnw -pl benchmarks -am verify -Pbench");
        }
        List<Double> fresh = new ArrayList<>();
        List<Double> existing = new ArrayList<>();
        List<Double> rss = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            Path dataDir = Files.createTempDirectory("askel-startup-");
            try {
                fresh.add(start(jar, dataDir, rss));
                existing.add(start(jar, dataDir, rss));
            } finally {
                delete(dataDir);
            }
        }
        section.figure("fresh data directory (median of " + RUNS + ")", median(fresh), "s",
                Target.atMost(2, "team goal; no peer publishes one"), "creates and migrates H2, writes the key file; all: " + fresh);
        section.figure("existing data directory (median of " + RUNS + ")", median(existing), "s",
                Target.atMost(2, "team goal"), "all: " + existing);
        section.figure("reference: a bare JVM start and exit (java -version)", bareJvm(), "s", "what any Java service pays on this machine");
        section.figure("resident memory when ready (median)", median(rss), "MiB", "VmRSS of the server process, default heap settings");
        section.note("Measured from just before the process is spawned to the first 200 of GET /health/ready (polled every 10 ms);"
                + " JVM start-up is included. Jar: " + jar.getFileName() + ", " + Files.size(jar) / Sizes.MIB + " MiB.");
    }

    private static double start(Path jar, Path dataDir, List<Double> rss) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(ChildJvm.javaExecutable().toString(), "-jar", jar.toString(), "serve",
                "--port", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("ASKEL_DATA_DIR", dataDir.toString());
        builder.environment().put("ASKEL_LOG_LEVEL", "WARN");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready")).timeout(Duration.ofSeconds(2)).build();
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            while (System.nanoTime() - start < TIMEOUT.toNanos()) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("serve exited with " + process.exitValue() + " before it was ready");
                }
                try {
                    if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        double seconds = (System.nanoTime() - start) / 1e9;
                        rss.add(rssMib(process.pid()));
                        return Math.round(seconds * 1000) / 1000.0;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(10);
            }
            throw new IllegalStateException("serve was not ready within " + TIMEOUT);
        } finally {
            process.destroy();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static double bareJvm() throws IOException, InterruptedException {
        List<Double> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            new ProcessBuilder(ChildJvm.javaExecutable().toString(), "-version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            runs.add((System.nanoTime() - start) / 1e9);
        }
        return median(runs);
    }

    private static double rssMib(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .mapToDouble(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0).findFirst().orElse(-1);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
