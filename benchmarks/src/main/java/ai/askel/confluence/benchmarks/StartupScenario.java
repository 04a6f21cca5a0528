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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code java -jar askel-confluence.jar serve} with embedded H2, from process start until {@code /health/ready}
 * answers 200, beside the same for a minimal Javalin hello-world jar ({@link HelloJavalin}, {@code target/hello-javalin.jar})
 * started and polled the same way. Each round starts the hello-world, then serve on a fresh data directory (database
 * created, migrated, key file generated), then serve again on that directory; rounds alternate so that a change in the
 * machine's load falls on all three alike. Medians of each, and serve's median ÷ the hello-world's median. Each round also
 * starts serve through the launcher, {@code bin/askel-confluence}, whose class-data archive (AppCDS) the first start
 * through it wrote before the rounds (that first start is reported on its own).
 */
final class StartupScenario implements Scenario {
    private static final int RUNS = 5;
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    /** How long serve idles after it is ready before its resident memory is read again. */
    private static final Duration IDLE = Duration.ofSeconds(10);
    private static final double RATIO_TARGET = 3;
    /** The aim for a start through the launcher on a quiet machine. */
    private static final double SECONDS_AIM = 1;

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
        Path hello = config.out().resolve("hello-javalin.jar").toAbsolutePath().normalize();
        if (!Files.isRegularFile(hello)) {
            throw new IllegalStateException(hello + " is missing: the bench profile packages it (./mvnw -pl benchmarks -am verify -Pbench)");
        }
        Path launcher = config.launcher().toAbsolutePath().normalize();
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException(launcher + " is missing or not executable");
        }
        String loadBefore = MachineInfo.loadAverage();
        Path archives = Files.createTempDirectory("askel-startup-archives-");
        // the same JDK as the java -jar starts, and no options of the caller's
        Map<String, String> launcherEnvironment = Map.of("ASKEL_JAR", jar.toString(), "ASKEL_CDS_DIR", archives.toString(),
                "JAVA_HOME", ChildJvm.javaExecutable().getParent().getParent().toString(), "JAVA_OPTS", "");
        List<String> throughLauncher = List.of(launcher.toString(), "serve");
        Start writingArchive;
        List<Start> helloStarts = new ArrayList<>();
        List<Start> fresh = new ArrayList<>();
        List<Start> existing = new ArrayList<>();
        List<Start> withArchive = new ArrayList<>();
        try {
            Path training = Files.createTempDirectory("askel-startup-");
            try {
                // the launcher's first start: no archive yet, so serve writes it once ready (held until the file is there)
                writingArchive = start(throughLauncher, launcherEnvironment, training, Duration.ZERO, archives);
                start(java("-jar", jar.toString(), "serve"), Map.of(), training, Duration.ZERO, null);
            } finally {
                delete(training);
            }
            for (int i = 0; i < RUNS; i++) {
                Path dataDir = Files.createTempDirectory("askel-startup-");
                try {
                    helloStarts.add(start(java("-jar", hello.toString()), Map.of(), dataDir, Duration.ZERO, null));
                    fresh.add(start(java("-jar", jar.toString(), "serve"), Map.of(), dataDir, Duration.ZERO, null));
                    existing.add(start(java("-jar", jar.toString(), "serve"), Map.of(), dataDir, IDLE, null));
                    withArchive.add(start(throughLauncher, launcherEnvironment, dataDir, Duration.ZERO, null));
                } finally {
                    delete(dataDir);
                }
            }
        } finally {
            delete(archives);
        }
        double helloSeconds = median(seconds(helloStarts));
        double freshSeconds = median(seconds(fresh));
        double existingSeconds = median(seconds(existing));
        section.figure("serve, existing data directory (median of " + RUNS + ")", existingSeconds, "s", "all: " + seconds(existing));
        section.figure("serve, fresh data directory (median of " + RUNS + ")", freshSeconds, "s",
                "creates and migrates H2, writes the key file; all: " + seconds(fresh));
        section.figure("reference: Javalin hello-world jar until its first 200 (median of " + RUNS + ")", helloSeconds, "s",
                "hello-javalin.jar: the same Javalin, Logback at WARN, one route; all: " + seconds(helloStarts));
        section.figure("serve ÷ hello-world, existing data directory", ratio(existingSeconds, helloSeconds), "×",
                Target.atMost(RATIO_TARGET, "team goal, medians of the same run"), "");
        section.figure("serve ÷ hello-world, fresh data directory", ratio(freshSeconds, helloSeconds), "×",
                Target.atMost(RATIO_TARGET, "team goal, medians of the same run"), "");
        section.figure("CPU time until ready: serve (existing) ÷ hello-world", ratio(median(cpu(existing)), median(cpu(helloStarts))), "×",
                "user + system time of all the process's threads, " + median(cpu(existing)) + " vs " + median(cpu(helloStarts))
                        + " s; less sensitive to other load than wall time");
        double launched = median(seconds(withArchive));
        section.figure("serve through bin/askel-confluence, existing data directory (median of " + RUNS + ")", launched, "s",
                Target.atMost(SECONDS_AIM, "aim: under a second on a quiet machine"), "the launcher's class-data archive (AppCDS); ÷ hello-world "
                        + ratio(launched, helloSeconds) + " ×, CPU " + median(cpu(withArchive)) + " s, VmRSS " + median(rss(withArchive, false))
                        + " MiB; all: " + seconds(withArchive));
        section.figure("serve through bin/askel-confluence ÷ hello-world, existing data directory", ratio(launched, helloSeconds), "×",
                Target.atMost(RATIO_TARGET, "team goal, medians of the same run"), "");
        section.figure("first start through bin/askel-confluence (writes the archive once ready)", writingArchive.seconds(), "s",
                "one start, before the rounds, on a fresh data directory: no archive yet, the JVM lists its classes and a second JVM writes the archive; CPU "
                        + writingArchive.cpuSeconds() + " s");
        section.figure("resident memory of serve when ready (median)", median(rss(existing, false)), "MiB",
                "VmRSS, existing data directory, default heap settings (no -Xmx: see the README)");
        section.figure("resident memory of serve after " + IDLE.toSeconds() + " s idle (median)", median(rss(existing, true)), "MiB",
                "VmRSS of the same processes, no request in between; hello-world when ready: " + median(rss(helloStarts, false)) + " MiB");
        section.note("Measured from just before the process is spawned to the first 200 of GET /health/ready (polled every 10 ms);"
                + " JVM start-up is included. Jar: " + jar.getFileName() + ", " + Files.size(jar) / Sizes.MIB + " MiB; hello-world jar "
                + Files.size(hello) / Sizes.MIB + " MiB. Load average (1, 5, 15 min) before the runs: " + loadBefore + ", after: " + MachineInfo.loadAverage() + ".");
    }

    /** One start until ready: wall seconds, CPU seconds, VmRSS when ready and after {@code idle}. */
    record Start(double seconds, double cpuSeconds, double rssReadyMib, double rssIdleMib) {
    }

    private static List<String> java(String... arguments) {
        List<String> line = new ArrayList<>();
        line.add(ChildJvm.javaExecutable().toString());
        line.addAll(List.of(arguments));
        return line;
    }

    /**
     * Starts {@code command} (with {@code --port} and a free port added for serve), waits until it is ready, holds it
     * for {@code idle}, or until a file appears in {@code awaitedFileIn} when that is given, and stops it.
     */
    private static Start start(List<String> command, Map<String, String> environment, Path dataDir, Duration idle, Path awaitedFileIn)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> line = new ArrayList<>(command);
        if (line.contains("serve")) {
            line.add("--port");
        }
        line.add(Integer.toString(port));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("ASKEL_DATA_DIR", dataDir.toString());
        builder.environment().put("ASKEL_LOG_LEVEL", "WARN");
        builder.environment().putAll(environment);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready")).timeout(Duration.ofSeconds(5)).build();
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            while (System.nanoTime() - start < TIMEOUT.toNanos()) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(line + " exited with " + process.exitValue() + " before it was ready");
                }
                try {
                    if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        double seconds = (System.nanoTime() - start) / 1e9;
                        double cpu = process.toHandle().info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(-1.0);
                        double rssReady = rssMib(process.pid());
                        Thread.sleep(idle.toMillis());
                        double rssIdle = idle.isZero() ? rssReady : rssMib(process.pid());
                        if (awaitedFileIn != null) {
                            awaitFile(awaitedFileIn, start);
                        }
                        return new Start(Math.round(seconds * 1000) / 1000.0, cpu, rssReady, rssIdle);
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(10);
            }
            throw new IllegalStateException(line + " was not ready within " + TIMEOUT);
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) { // a start that writes a class-data archive does it now
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static void awaitFile(Path directory, long since) throws IOException, InterruptedException {
        while (System.nanoTime() - since < TIMEOUT.toNanos()) {
            try (Stream<Path> files = Files.list(directory)) {
                if (files.anyMatch(f -> f.getFileName().toString().endsWith(".jsa"))) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no class-data archive appeared in " + directory + " within " + TIMEOUT);
    }

    private static List<Double> seconds(List<Start> starts) {
        return starts.stream().map(Start::seconds).toList();
    }

    private static List<Double> cpu(List<Start> starts) {
        return starts.stream().map(Start::cpuSeconds).toList();
    }

    private static List<Double> rss(List<Start> starts, boolean idle) {
        return starts.stream().map(s -> Math.round((idle ? s.rssIdleMib() : s.rssReadyMib()) * 10) / 10.0).toList();
    }

    private static double ratio(double value, double reference) {
        return Math.round(value / reference * 100) / 100.0;
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
