package ai.askel.confluence.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class in a fresh JVM (same JDK, same class path) with its own heap limit, and reads back the
 * {@code @result key=value} lines it prints on standard output. Everything else it prints goes to our standard error.
 */
final class ChildJvm {
    private static final String PREFIX = "@result ";
    private static final PrintStream RESULTS = System.out;

    private ChildJvm() {
    }

    /** Called in the child: reports one figure to the parent. */
    static void result(String key, Object value) {
        RESULTS.println(PREFIX + key + "=" + value);
        RESULTS.flush();
    }

    static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** Runs {@code mainClass} with {@code jvmOptions} and {@code args}; fails if it exits non-zero or times out. */
    static Map<String, String> run(Class<?> mainClass, List<String> jvmOptions, List<String> args, Duration timeout)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable().toString());
        command.addAll(jvmOptions);
        command.add("-Dlogback.configurationFile=logback-bench.xml");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Map<String, String> results = new LinkedHashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(PREFIX)) {
                    int eq = line.indexOf('=');
                    results.put(line.substring(PREFIX.length(), eq), line.substring(eq + 1));
                } else {
                    System.err.println("  [" + mainClass.getSimpleName() + "] " + line);
                }
            }
        }
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(mainClass.getSimpleName() + " did not finish within " + timeout);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(mainClass.getSimpleName() + " " + args + " exited with " + process.exitValue()
                    + (results.containsKey("error") ? ": " + results.get("error") : ""));
        }
        return results;
    }
}
