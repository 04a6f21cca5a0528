package ai.askel.confluence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/askel-confluence} with the packaged jar (so it runs after {@code package}): the first {@code serve} writes
 * the class-data archive once ready, later commands map the connector's classes from it and print nothing else, and a
 * rebuilt jar gets a new archive that replaces the old one.
 */
class LauncherIT {
    private static final Path LAUNCHER = Path.of("..", "bin", "askel-confluence").toAbsolutePath().normalize();
    private static final Path PACKAGED = Path.of("target", "askel-confluence.jar").toAbsolutePath();
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @TempDir
    Path work;
    private Path jar;
    private Path archives;

    @BeforeEach
    void copyTheJar() throws IOException {
        // a copy, whose modification time the test may change without touching the build's jar
        jar = Files.copy(PACKAGED, work.resolve("askel-confluence.jar"), StandardCopyOption.COPY_ATTRIBUTES);
        archives = work.resolve("archives, a path with blanks"); // the JVM's diagnostic command splits arguments at blanks
    }

    @Test
    void the_first_serve_writes_the_archive_and_later_commands_start_from_it() throws Exception {
        Path archive = serveUntilArchived(work.resolve("data"));

        Run version = launch(work.resolve("classes.log"), "--version");

        assertThat(version.exit()).isZero();
        assertThat(version.out()).as("no word of the archive on standard output").isEqualTo("Askel Confluence Connector 0.1.0\n");
        assertThat(Files.readAllLines(work.resolve("classes.log"))).as("the connector's classes come from the archive")
                .anyMatch(line -> line.contains(" ai.askel.confluence.cli.Main source: shared objects file"));
        assertThat(archiveFiles()).containsExactly(archive);
    }

    @Test
    void a_rebuilt_jar_gets_a_new_archive_and_the_old_one_goes() throws Exception {
        Path first = serveUntilArchived(work.resolve("data"));
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 10_000));

        Run stale = launch(work.resolve("classes.log"), "--version");
        assertThat(stale.exit()).isZero();
        assertThat(stale.out()).isEqualTo("Askel Confluence Connector 0.1.0\n");
        assertThat(Files.readAllLines(work.resolve("classes.log"))).as("an archive of another build is not used")
                .noneMatch(line -> line.contains(" ai.askel.confluence.cli.Main source: shared objects file"));

        Path second = serveUntilArchived(work.resolve("data"));

        assertThat(second).isNotEqualTo(first);
        assertThat(archiveFiles()).containsExactly(second);
    }

    @Test
    void options_that_choose_sharing_themselves_get_a_plain_start() throws Exception {
        Run ownChoice = launch(work.resolve("classes.log"), Map.of("JAVA_OPTS", "-Xshare:off"), "--version");

        assertThat(ownChoice.exit()).isZero();
        assertThat(ownChoice.out()).isEqualTo("Askel Confluence Connector 0.1.0\n");
        assertThat(archiveDirectory()).isEmpty();
    }

    @Test
    void options_under_which_no_archive_can_be_written_are_found_out_once_and_later_starts_are_plain() throws Exception {
        Path nothingToPatch = Files.createDirectories(work.resolve("empty"));
        Map<String, String> patched = Map.of("JAVA_OPTS", "--patch-module=java.base=" + nothingToPatch); // runs, but never dumps

        String log = serveUntilTheArchiveIsDecided(work.resolve("data"), patched);

        assertThat(log).contains("No class-data archive was written (Cannot use the following option when dumping the shared archive: --patch-module)");
        assertThat(archiveDirectory()).singleElement().satisfies(file -> assertThat(file.getFileName().toString()).endsWith(".jsa.unsupported"));
        Run later = launch(work.resolve("classes.log"), patched, "--version");
        assertThat(later.exit()).as("a JVM that cannot write an archive still runs the command").isZero();
        assertThat(later.out()).isEqualTo("Askel Confluence Connector 0.1.0\n");
        assertThat(archiveDirectory()).as("not asked to list its classes again").hasSize(1);
    }

    @Test
    void a_limit_on_file_sizes_gets_a_serve_that_records_nothing_and_keeps_running() throws Exception {
        Path out = Files.createTempFile(work, "serve", ".out");
        Path err = Files.createTempFile(work, "serve", ".err");
        // 16 or 32 MiB (blocks of 512 or 1,024 bytes, by the shell): room for a new database and the logs, not for an
        // archive of 35 to 45 MiB (the JVM would end the process on writing it)
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", "ulimit -f 32768 && exec \"$0\" \"$@\"", LAUNCHER.toString(),
                "serve", "--json", "--port", "0", "--data-dir", work.resolve("data").toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet()
                .removeIf(name -> name.startsWith("ASKEL_") || name.equals("JAVA_OPTS") || name.equals("JDK_JAVA_OPTIONS"));
        builder.environment().putAll(launcherEnvironment(Map.of("ASKEL_LOG_LEVEL", "INFO")));
        Process serve = builder.start();
        try {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (Files.size(out) == 0 && serve.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(3_000); // the time a dump, once asked for, takes to end the process
            assertThat(serve.isAlive()).as(Files.readString(err)).isTrue();
            assertThat(Files.readString(err)).doesNotContain("class-data archive");
            assertThat(archiveDirectory()).as("not even asked to record").isEmpty();
            serve.destroy();
            assertThat(serve.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(serve.exitValue()).as(Files.readString(err)).isZero();
        } finally {
            serve.destroyForcibly();
        }
    }

    /**
     * Starts serve through the launcher (with {@code --json}), waits until it wrote the archive, stops it with SIGTERM;
     * answers the archive. Standard output is checked to hold the one JSON document and nothing of the dump.
     */
    private Path serveUntilArchived(Path data) throws Exception {
        String log = serveUntilTheArchiveIsDecided(data, Map.of());
        assertThat(log).contains("Wrote the class-data archive");
        assertThat(archiveFiles()).as(log).hasSize(1);
        return archiveFiles().get(0);
    }

    /** Serve through the launcher until it logs what became of the archive, then stopped; answers its log. */
    private String serveUntilTheArchiveIsDecided(Path data, Map<String, String> environment) throws Exception {
        Path out = Files.createTempFile(work, "serve", ".out");
        Path err = Files.createTempFile(work, "serve", ".err");
        ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString(), "serve", "--json", "--port", "0", "--data-dir", data.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet()
                .removeIf(name -> name.startsWith("ASKEL_") || name.equals("JAVA_OPTS") || name.equals("JDK_JAVA_OPTIONS"));
        Map<String, String> settings = new HashMap<>(environment);
        settings.put("ASKEL_LOG_LEVEL", "INFO");
        builder.environment().putAll(launcherEnvironment(settings));
        Process serve = builder.start();
        try {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!Files.readString(err).contains("class-data archive") && serve.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            serve.destroy();
            assertThat(serve.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(serve.exitValue()).as(Files.readString(err)).isZero();
            assertThat(JSON.readTree(Files.readString(out)).get("api").asText()).as("standard output is the one JSON document")
                    .startsWith("http://127.0.0.1:");
            try (Stream<Path> files = Files.list(archives)) {
                assertThat(files).as("nothing half-written is left, nor the class list")
                        .allMatch(f -> f.getFileName().toString().endsWith(".jsa") || f.getFileName().toString().endsWith(".jsa.unsupported"));
            }
            return Files.readString(err);
        } finally {
            serve.destroyForcibly();
        }
    }

    private List<Path> archiveDirectory() throws IOException {
        if (!Files.isDirectory(archives)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(archives)) {
            return files.toList();
        }
    }

    private List<Path> archiveFiles() throws IOException {
        if (!Files.isDirectory(archives)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(archives)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsa")).sorted().toList();
        }
    }

    /** The launcher's settings for this test's jar and archive directory, and {@code more}. */
    private Map<String, String> launcherEnvironment(Map<String, String> more) {
        Map<String, String> environment = new HashMap<>(Map.of("ASKEL_JAR", jar.toString(), "ASKEL_CDS_DIR", archives.toString(),
                "JAVA_HOME", System.getProperty("java.home")));
        environment.putAll(more);
        return environment;
    }

    record Run(int exit, String out) {
    }

    /** Runs a one-shot command through the launcher, its class loading logged to {@code classLog}. */
    private Run launch(Path classLog, String... arguments) throws Exception {
        return launch(classLog, Map.of(), arguments);
    }

    private Run launch(Path classLog, Map<String, String> more, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeIf(name -> name.startsWith("ASKEL_") || name.equals("JAVA_OPTS"));
        // the class loading log through the java launcher's own variable: JAVA_OPTS choose the archive, this does not
        Map<String, String> environment = new HashMap<>(Map.of("JDK_JAVA_OPTIONS", "-Xlog:class+load=info:file=" + classLog));
        environment.putAll(more);
        builder.environment().putAll(launcherEnvironment(environment));
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out);
    }
}
